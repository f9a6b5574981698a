import type { Database, Statement } from 'better-sqlite3';
import { firstKeyOf, lastKeyOf } from './time-key';

/**
 * Where the next page starts, as a sort_key bound (rows below it): the key
 * of the row the previous page ended on. That row may have been deleted
 * since; then its time (`beforeAt`) and id still say where it stood, and
 * without a time the nearest older arrival stands in for it.
 */
export class SqliteCursor {
  private readonly keyOf: Statement<[number], bigint | null>;
  private readonly lastBefore: Statement<[bigint, bigint, number], bigint | null>;
  private readonly nearestOlder: Statement<[number], bigint | null>;

  constructor(db: Database) {
    this.keyOf = db.prepare('SELECT sort_key FROM deliveries WHERE id = ?').pluck().safeIntegers() as never;
    this.lastBefore = db
      .prepare('SELECT max(sort_key) FROM deliveries WHERE sort_key BETWEEN ? AND ? AND id < ?')
      .pluck()
      .safeIntegers() as never;
    this.nearestOlder = db
      .prepare('SELECT sort_key FROM deliveries WHERE id <= ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .safeIntegers() as never;
  }

  /** The page holds rows whose key is below this. */
  below(before: number, beforeAt: string | undefined): bigint {
    const key = this.keyOf.get(before);
    if (key !== undefined && key !== null) return key;
    const at = beforeAt === undefined ? Number.NaN : Date.parse(beforeAt);
    if (!Number.isNaN(at)) {
      // Within its millisecond, keys follow ids: the rows there with smaller ids come next.
      const last = this.lastBefore.get(firstKeyOf(at), lastKeyOf(at), before);
      return last === undefined || last === null ? firstKeyOf(at) : last + 1n;
    }
    const near = this.nearestOlder.get(before);
    return near === undefined || near === null ? 0n : near + 1n;
  }
}
