// Rules of signed links and commands both sides need, without zod (the
// renderer imports this at runtime; zod stays out of its bundle).

/** Names no param may take: they carry the link's own fields. */
export const RESERVED_PARAM_NAMES: readonly string[] = [
  'command',
  'options',
  'sig',
  'user',
  'redirect',
  'expires',
  'bot',
  'kid',
  'v',
];

/** Where a signed link points on the receiver: `<base>/ownlang/webhook/<bot id>?…`. */
export const LINK_PATH = '/ownlang/webhook/';

/** A command's name: 1–64 letters, digits, "_", "." or "-", not starting with a digit. */
export const COMMAND_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
export const COMMAND_NAME_MAX = 64;

/** The longest a link may live, in seconds: ten years. */
export const LINK_EXPIRY_MAX = 10 * 365 * 24 * 3600;

/** A user id given as text: at most this many characters. */
export const LINK_USER_ID_MAX = 64;

/** One param of a link (or of a command tried by hand). */
export const PARAM_NAME_MAX = 64;
export const PARAM_VALUE_MAX = 2000;

/** A command's JavaScript body, in characters. */
export const COMMAND_BODY_MAX = 100_000;

/** The `<bot id>` part of a request path on the link route, or null when the path is not on it. */
export function linkPathSegment(path: string): string | null {
  if (!path.startsWith(LINK_PATH)) return null;
  const segment = path.slice(LINK_PATH.length);
  return segment === '' || segment.includes('/') ? null : segment;
}

/** The bot id a link's path names, or null when the segment is not one (canonical: no sign, no leading 0). */
export function parseBotId(segment: string): number | null {
  return /^[1-9]\d{0,15}$/.test(segment) ? Number(segment) : null;
}
