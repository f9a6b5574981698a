// The contract's `InboxName` rule from its zod-free module: the schema would
// pull zod into the bundle. test/renderer/inboxName.test.ts holds the two together.
import { INBOX_NAME, INBOX_NAME_MAX } from '@contract/inbox-rules';

export const INBOX_NAME_HINT = `1–${INBOX_NAME_MAX} letters, digits, "_" or "-"`;

/** Why the server would refuse `name` as an inbox name, or null when it would not. */
export function inboxNameProblem(name: string): string | null {
  if (INBOX_NAME.test(name)) return null;
  if (name.length === 0) return 'Enter a name for the inbox.';
  // One character is a name of its own exactly when it may stand in one.
  const bad = [...name].find((char) => !INBOX_NAME.test(char));
  if (bad !== undefined) return `Only letters, digits, "_" or "-": “${bad}” is not allowed.`;
  return `At most ${INBOX_NAME_MAX} characters; this name has ${name.length}.`;
}
