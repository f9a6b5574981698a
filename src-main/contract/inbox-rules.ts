// Rules of inboxes both sides need, without zod (the renderer imports this
// at runtime; zod stays out of its bundle).

/** An inbox name: 1–64 letters, digits, "_" or "-". */
export const INBOX_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const INBOX_NAME_MAX = 64;

/** The inbox every store starts with, and where anything without one goes. */
export const DEFAULT_INBOX = 'default';

/** A response rule's body, in characters (64 KiB of ASCII). */
export const RULE_BODY_MAX = 64 * 1024;
/** How long a response rule may hold its answer back. */
export const RULE_DELAY_MAX_MS = 60_000;
