// A copy of the contract's `CommandName` rule: importing that schema would pull
// zod into the bundle. test/renderer/commandName.test.ts holds the two together.
const COMMAND_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const NAME_CHAR = /[A-Za-z0-9_.-]/;
const FIRST_CHAR = /[A-Za-z_]/;

export const COMMAND_NAME_HINT = '1–64 letters, digits, "_", "." or "-", not starting with a digit';

/** Why the server would refuse `name` as a command name, or null when it would not. */
export function commandNameProblem(name: string): string | null {
  if (COMMAND_NAME.test(name)) return null;
  if (name.length === 0) return 'Enter a name for the command.';
  const chars = [...name];
  const bad = chars.find((char) => !NAME_CHAR.test(char));
  if (bad !== undefined) return `Only letters, digits, "_", "." or "-": “${bad}” is not allowed.`;
  const first = chars[0] ?? '';
  if (!FIRST_CHAR.test(first)) return `Start with a letter or "_", not “${first}”.`;
  return `At most 64 characters; this name has ${name.length}.`;
}
