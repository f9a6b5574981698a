import type { Database, Statement } from 'better-sqlite3';
import { firstKeyOf } from './time-key';

/**
 * Where retention cuts an inbox: the newest sort_key it deletes up to, past
 * the newest `keepCount` rows in list order or received before `olderThan`
 * (ms); -1 when neither reaches a row. The prune and the count the settings
 * page shows before saving ask the same question here.
 */
export class SqliteRetentionCut {
  private readonly cutoffByCount: Statement<[string, number], bigint | null>;

  constructor(db: Database) {
    this.cutoffByCount = db
      .prepare('SELECT sort_key FROM deliveries WHERE inbox = ? ORDER BY sort_key DESC LIMIT 1 OFFSET ?')
      .pluck()
      .safeIntegers() as never;
  }

  lastDoomedKey(inbox: string, keepCount: number | null, olderThan: number | null): bigint {
    const byCount = keepCount === null ? undefined : this.cutoffByCount.get(inbox, keepCount);
    const byAge = olderThan === null ? -1n : firstKeyOf(olderThan) - 1n;
    return byCount !== undefined && byCount !== null && byCount > byAge ? byCount : byAge;
  }
}
