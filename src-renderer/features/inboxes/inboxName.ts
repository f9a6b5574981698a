// A copy of the contract's `InboxName` rule: importing that schema would pull
// zod into the bundle. test/renderer/inboxName.test.ts holds the two together.
const INBOX_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const NAME_CHAR = /[A-Za-z0-9_-]/;

export const INBOX_NAME_HINT = '1–64 letters, digits, "_" or "-"';

/** Why the server would refuse `name` as an inbox name, or null when it would not. */
export function inboxNameProblem(name: string): string | null {
  if (INBOX_NAME.test(name)) return null;
  if (name.length === 0) return 'Enter a name for the inbox.';
  const bad = [...name].find((char) => !NAME_CHAR.test(char));
  if (bad !== undefined) return `Only letters, digits, "_" or "-": “${bad}” is not allowed.`;
  return `At most 64 characters; this name has ${name.length}.`;
}
