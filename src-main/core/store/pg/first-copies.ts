import type { TransactionSql } from './connect';

/** A delivery row just inserted, as the duplicate rule needs it. */
export interface InsertedCopy {
  id: number;
  inbox: string;
  updateId: number | null;
  responseStatus: number;
}

/**
 * The duplicate rule, for deliveries inserted in this (read committed)
 * transaction: each update's first accepted copy (response_status < 300, as
 * in SQLite) claims its (inbox, update_id) in first_updates, and every other
 * accepted copy, in this batch or already stored by any replica, becomes a
 * `duplicate` pointing at it. Returns the duplicates' ids with their first
 * copy's id, for the caller's list items.
 *
 * The primary key decides, not a lookup: when two replicas claim the same
 * update at once, the second claim waits for the first transaction and
 * then finds the row. Claims go in key order so that two batches sharing
 * several updates wait on each other in one order and cannot deadlock.
 */
export async function settleFirstCopies(
  tx: TransactionSql,
  copies: readonly InsertedCopy[],
): Promise<Map<number, number>> {
  const duplicates = new Map<number, number>();
  let pending = copies.filter((c) => c.updateId !== null && c.responseStatus < 300);
  // A first copy deleted (retention) between the claim and the lookup leaves
  // its losers unmatched: they claim again, and one of them becomes the first.
  while (pending.length > 0) {
    const claimed = await tx<{ delivery_id: number }[]>`
      INSERT INTO first_updates (inbox, update_id, delivery_id)
      SELECT inbox, update_id, delivery_id
      FROM unnest(${pending.map((c) => c.inbox)}::text[], ${pending.map((c) => c.updateId)}::bigint[],
                  ${pending.map((c) => c.id)}::bigint[]) AS c (inbox, update_id, delivery_id)
      ORDER BY inbox, update_id, delivery_id
      ON CONFLICT DO NOTHING
      RETURNING delivery_id`;
    const firsts = new Set(claimed.map((r) => r.delivery_id));
    const losers = pending.filter((c) => !firsts.has(c.id));
    if (losers.length === 0) break;
    const marked = await tx<{ id: number; duplicate_of: number }[]>`
      UPDATE deliveries d SET problem = 'duplicate', duplicate_of = f.delivery_id
      FROM first_updates f
      WHERE d.id = ANY(${losers.map((c) => c.id)}::bigint[])
        AND f.inbox = d.inbox AND f.update_id = d.update_id
      RETURNING d.id, d.duplicate_of`;
    for (const row of marked) duplicates.set(row.id, row.duplicate_of);
    pending = losers.filter((c) => !duplicates.has(c.id));
  }
  return duplicates;
}
