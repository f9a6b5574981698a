// Rules of signed links both sides need, without zod (the renderer imports
// this at runtime; zod stays out of its bundle).

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
