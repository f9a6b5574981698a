// The contract's `CommandName` rule from its zod-free module: the schema would
// pull zod into the bundle. test/renderer/commandName.test.ts holds the two together.
import { COMMAND_NAME, COMMAND_NAME_MAX } from '@contract/link-rules';

export const COMMAND_NAME_HINT = `1–${COMMAND_NAME_MAX} letters, digits, "_", "." or "-", not starting with a digit`;

// Asked of the rule itself, so its characters are written once: one character
// is a name exactly when it may start one, and after a letter when it may follow.
const mayStart = (char: string) => COMMAND_NAME.test(char);
const mayFollow = (char: string) => COMMAND_NAME.test(`a${char}`);

/** Why the server would refuse `name` as a command name, or null when it would not. */
export function commandNameProblem(name: string): string | null {
  if (COMMAND_NAME.test(name)) return null;
  if (name.length === 0) return 'Enter a name for the command.';
  const chars = [...name];
  const bad = chars.find((char) => !mayFollow(char));
  if (bad !== undefined) return `Only letters, digits, "_", "." or "-": “${bad}” is not allowed.`;
  const first = chars[0] ?? '';
  if (!mayStart(first)) return `Start with a letter or "_", not “${first}”.`;
  return `At most ${COMMAND_NAME_MAX} characters; this name has ${name.length}.`;
}
