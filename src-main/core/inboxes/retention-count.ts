import type { Database, Statement } from 'better-sqlite3';
import type { Sql } from '../store/pg/connect';
import { pgText } from '../store/pg/text-value';

/**
 * How many deliveries a retention setting would delete now, without
 * deleting: the same rows DeliveryStore.prune picks (beyond the newest
 * `keepCount`, or received before `olderThan`), so the UI can say the
 * number before the setting is saved.
 */
export interface RetentionCounter {
  count(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number>;
}

export class SqliteRetentionCounter implements RetentionCounter {
  private readonly cutoffByCount: Statement<[string, number], { id: number }>;
  private readonly doomed: Statement<[string, number, number], { n: number }>;

  constructor(db: Database) {
    this.cutoffByCount = db.prepare(
      'SELECT id FROM deliveries WHERE inbox = ? ORDER BY id DESC LIMIT 1 OFFSET ?',
    );
    this.doomed = db.prepare(
      'SELECT count(*) AS n FROM deliveries WHERE inbox = ? AND (id <= ? OR received_at < ?)',
    );
  }

  async count(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number> {
    const lastDoomedId = keepCount === null ? 0 : (this.cutoffByCount.get(inbox, keepCount)?.id ?? 0);
    return this.doomed.get(inbox, lastDoomedId, olderThan ?? 0)?.n ?? 0;
  }
}

export class PgRetentionCounter implements RetentionCounter {
  constructor(private readonly sql: Sql) {}

  async count(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number> {
    const name = pgText(inbox);
    const [cut] =
      keepCount === null
        ? []
        : await this.sql<{ id: number }[]>`
            SELECT id FROM deliveries WHERE inbox = ${name} ORDER BY id DESC LIMIT 1 OFFSET ${keepCount}`;
    const [row] = await this.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM deliveries
      WHERE inbox = ${name} AND (id <= ${cut?.id ?? 0} OR received_at < ${new Date(olderThan ?? 0).toISOString()}::timestamptz)`;
    return row?.n ?? 0;
  }
}
