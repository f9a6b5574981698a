/** What the list order looks at: a row's received time and id. */
export interface Ordered {
  id: number;
  /** ISO 8601 with milliseconds, UTC (the contract's form), so two of them compare as strings. */
  receivedAt: string;
}

/**
 * The order of every list page on the server: received time, newest first,
 * the id breaking ties (larger first). Negative when `a` is shown above `b`.
 * An imported delivery keeps its original time, so it sorts among its own
 * day's rows, not on top.
 */
export function compareNewestFirst(a: Ordered, b: Ordered): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt > b.receivedAt ? -1 : 1;
  return b.id - a.id;
}

/** The cursor for the page after `last` (the last row shown): the contract wants its id and time. */
export const pageAfter = (last: Ordered): { before: number; beforeAt: string } => ({
  before: last.id,
  beforeAt: last.receivedAt,
});
