// Under the u flag \p{Cs} matches only unpaired surrogates: a pair is one astral code point.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/**
 * What PostgreSQL's text and jsonb can hold, for every decoded string the
 * stores write. One value they refuse fails a whole group commit, and every
 * delivery in it, and senders choose these strings:
 * - U+0000, which JSON payloads and remote answers can carry ("\u0000" in a
 *   message text, a NUL in a decoded body), is refused by text and jsonb;
 * - a lone UTF-16 surrogate ("\ud800" in a payload) is refused by jsonb,
 *   which gets it as a JSON escape, while text silently gets U+FFFD for it
 *   (the client encodes UTF-8).
 * Both are stored as U+FFFD, as a decoder shows a byte it cannot use, so a
 * value reads back the same from text and jsonb columns. The raw body
 * (bytea) keeps the exact bytes, and json columns (not jsonb) keep both as
 * written.
 */
export function pgText(value: string): string {
  const withoutNul = value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
  return LONE_SURROGATE.test(withoutNul) ? withoutNul.replace(LONE_SURROGATES, '\uFFFD') : withoutNul;
}

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
