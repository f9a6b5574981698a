/**
 * The order lists are read in: received time, newest first, the id breaking
 * ties. SQLite keeps it as one integer per row, `sort_key`, so one B-tree
 * (and the search index, whose rowid it is) walks rows in that order and
 * stops at the page:
 *
 *   sort_key = clamped received_at (ms) × 2^20 + n
 *
 * where n counts the rows already stored in that millisecond (so it follows
 * the id there, as ids grow). Times before 1970 or after the year 2248 sort
 * at the ends: 2^43 ms × 2^20 fills an INTEGER's 63 bits. The keys pass 2^53,
 * so JavaScript handles them only as bigint.
 */
export const PER_MS = 1_048_576n;
const LATEST_MS = 2 ** 43 - 1;

/** The millisecond a time sorts at. */
export const keyMs = (ms: number): number => Math.min(Math.max(Math.trunc(ms), 0), LATEST_MS);

/** The first key of a millisecond. */
export const firstKeyOf = (ms: number): bigint => BigInt(keyMs(ms)) * PER_MS;

/** The last key of a millisecond. */
export const lastKeyOf = (ms: number): bigint => firstKeyOf(ms) + PER_MS - 1n;

/** Rows as the list orders them: by the key's millisecond, then (as the key does within one) by id. */
export function newestFirst(
  a: { received_at: number; id: number },
  b: { received_at: number; id: number },
): number {
  return keyMs(b.received_at) - keyMs(a.received_at) || b.id - a.id;
}
