import type postgres from 'postgres';
import type { Sql, TransactionSql } from '../store/pg/connect';

/**
 * The rows retention deletes in an inbox, as a condition: past the newest
 * `keepCount` in list order (received time, then id), or received before
 * `olderThan` (ms). The prune and the count the settings page shows before
 * saving use the same condition, so the number shown is the number deleted.
 */
export function retentionCut(
  sql: Sql | TransactionSql,
  inbox: string,
  keepCount: number | null,
  olderThan: number | null,
): postgres.Fragment {
  const byCount =
    keepCount === null
      ? sql`false`
      : sql`(received_at, id) <= (SELECT received_at, id FROM deliveries WHERE inbox = ${inbox}
          ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET ${keepCount})`;
  const byAge =
    olderThan === null ? sql`false` : sql`received_at < ${new Date(olderThan).toISOString()}::timestamptz`;
  // A cut with no row (fewer rows than kept) is NULL: that deletes nothing, as false does.
  return sql`(${byCount} OR ${byAge}) IS TRUE`;
}
