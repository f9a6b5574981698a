/** Headers that describe one connection, never sent on to another server. */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
]);
