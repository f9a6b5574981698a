/**
 * PostgreSQL's text and jsonb cannot hold U+0000, which JSON payloads and
 * remote answers can carry ("\u0000" in a message text, a NUL in a decoded
 * body). One such value would fail a whole group commit, and every
 * delivery in it, so decoded strings are stored with it replaced by U+FFFD,
 * as a decoder shows a byte it cannot use. The raw body (bytea) keeps the
 * exact bytes.
 */
export const pgText = (value: string): string =>
  value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;

/** The same for text that may be absent. */
export const pgTextOrNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined ? null : pgText(value);

/**
 * The same for a value bound for a jsonb column (a rule's body, a chat id,
 * answer headers): every string in it, keys included. JSON.stringify would
 * write U+0000 as the escape "\u0000", which jsonb refuses just the same.
 */
export function pgJson<T>(value: T): T {
  if (typeof value === 'string') return pgText(value) as T;
  if (Array.isArray(value)) return value.map(pgJson) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [pgText(k), pgJson(v)])) as T;
  }
  return value;
}
