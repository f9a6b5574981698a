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
