import type { DeliveryFilter } from '@contract';
import type postgres from 'postgres';
import { notifyChange } from '../store/pg/changes';
import type { Sql, TransactionSql } from '../store/pg/connect';

interface GoneRow {
  id: number;
  inbox: string;
  update_id: number | null;
}

/**
 * Deleting deliveries from PostgreSQL, as retention's prune does: invocations,
 * replay attempts, tap jobs and first_updates claims cascade, duplicates'
 * links are cleared (ON DELETE SET NULL), and the search column goes with
 * the row. A deleted first copy's update is claimed again by its oldest
 * surviving accepted copy, as SQLite then finds it. Each call is one
 * transaction whose notice tells the other replicas which ids went.
 */
export class PgDeleter {
  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
    /** The store's own filter clauses (pg-store.ts), so a delete matches exactly what the list shows. */
    private readonly narrowing: (filter: DeliveryFilter) => postgres.Fragment,
  ) {}

  async deleteIds(ids: readonly number[]): Promise<number[]> {
    const wanted = ids.filter((id) => Number.isSafeInteger(id));
    if (wanted.length === 0) return [];
    return this.sql.begin(async (tx) =>
      this.settle(
        tx,
        await tx<GoneRow[]>`
          DELETE FROM deliveries WHERE id = ANY(${wanted}::bigint[]) RETURNING id, inbox, update_id`,
      ),
    );
  }

  async count(filter: DeliveryFilter, upToId: number): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`
      SELECT count(*)::bigint AS n FROM deliveries WHERE ${this.narrowing(filter)} AND id <= ${upToId}`;
    return Number(row?.n ?? 0);
  }

  async deleteChunk(filter: DeliveryFilter, upToId: number, limit: number): Promise<number[]> {
    return this.sql.begin(async (tx) =>
      this.settle(
        tx,
        await tx<GoneRow[]>`
          DELETE FROM deliveries WHERE id IN (
            SELECT id FROM deliveries WHERE ${this.narrowing(filter)} AND id <= ${upToId} ORDER BY id LIMIT ${limit})
          RETURNING id, inbox, update_id`,
      ),
    );
  }

  private async settle(tx: TransactionSql, gone: GoneRow[]): Promise<number[]> {
    if (gone.length === 0) return [];
    const keys = new Map<string, { inbox: string; updateId: number }>();
    for (const row of gone) {
      if (row.update_id !== null)
        keys.set(`${row.update_id}:${row.inbox}`, { inbox: row.inbox, updateId: row.update_id });
    }
    if (keys.size > 0) {
      const pairs = [...keys.values()];
      // In key order, as settleFirstCopies claims: a delete and a group commit queue for keys in one order.
      await tx`
        INSERT INTO first_updates (inbox, update_id, delivery_id)
        SELECT DISTINCT ON (d.inbox, d.update_id) d.inbox, d.update_id, d.id
        FROM deliveries d
        JOIN unnest(${pairs.map((p) => p.inbox)}::text[], ${pairs.map((p) => p.updateId)}::bigint[])
          AS k (inbox, update_id) ON d.inbox = k.inbox AND d.update_id = k.update_id
        WHERE d.duplicate_of IS NULL AND d.response_status < 300
        ORDER BY d.inbox, d.update_id, d.id
        ON CONFLICT DO NOTHING`;
    }
    const ids = gone.map((r) => Number(r.id)).sort((a, b) => a - b);
    await notifyChange(tx, this.origin, 'deleted', ids);
    return ids;
  }
}
