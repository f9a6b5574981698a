import type { Database, Statement } from 'better-sqlite3';
import { retentionCut } from '../deliveries/pg-retention-cut';
import { SqliteRetentionCut } from '../deliveries/sqlite-retention-cut';
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
  private readonly cut: SqliteRetentionCut;
  private readonly doomed: Statement<[string, bigint], { n: number }>;

  constructor(db: Database) {
    this.cut = new SqliteRetentionCut(db);
    this.doomed = db.prepare('SELECT count(*) AS n FROM deliveries WHERE inbox = ? AND sort_key <= ?');
  }

  async count(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number> {
    return this.doomed.get(inbox, this.cut.lastDoomedKey(inbox, keepCount, olderThan))?.n ?? 0;
  }
}

export class PgRetentionCounter implements RetentionCounter {
  constructor(private readonly sql: Sql) {}

  async count(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number> {
    const name = pgText(inbox);
    const [row] = await this.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM deliveries
      WHERE inbox = ${name} AND ${retentionCut(this.sql, name, keepCount, olderThan)}`;
    return row?.n ?? 0;
  }
}
