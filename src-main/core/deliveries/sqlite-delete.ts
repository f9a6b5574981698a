import type { DeliveryFilter } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import { type FilterSql, filterSql, ftsQuery } from './filter-sql';

/** A deleted delivery: its inbox, so the store's per-inbox counts can follow. */
export interface Gone {
  id: number;
  inbox: string;
}

/**
 * Deleting deliveries from SQLite, as retention's prune does: duplicates
 * pointing at a deleted row are unlinked first (the foreign key has no
 * ON DELETE), then its search row goes, then the row (invocations and replay
 * attempts cascade; sent replies keep their text, unlinked). Each call is one
 * transaction, so the writer thread's group commits interleave with a long
 * delete by filter rather than wait for all of it.
 */
export class SqliteDeleter {
  private readonly inboxOf: Statement<[number], { inbox: string }>;
  private readonly dropTx: (ids: readonly number[]) => Gone[];
  private readonly byShape = new Map<string, Statement>();

  constructor(private readonly db: Database) {
    this.inboxOf = db.prepare('SELECT inbox FROM deliveries WHERE id = ?');
    const unlink = db.prepare('UPDATE deliveries SET duplicate_of = NULL WHERE duplicate_of = ?');
    const dropFts = db.prepare(
      'DELETE FROM deliveries_fts WHERE rowid = (SELECT sort_key FROM deliveries WHERE id = ?)',
    );
    const drop = db.prepare('DELETE FROM deliveries WHERE id = ?');
    this.dropTx = db.transaction((ids: readonly number[]) => {
      const gone: Gone[] = [];
      for (const id of ids) {
        const row = this.inboxOf.get(id);
        if (!row) continue;
        unlink.run(id);
        dropFts.run(id);
        drop.run(id);
        gone.push({ id, inbox: row.inbox });
      }
      return gone;
    });
  }

  deleteIds(ids: readonly number[]): Gone[] {
    return this.dropTx(ids.filter((id) => Number.isSafeInteger(id)));
  }

  count(filter: DeliveryFilter, upToId: number): number {
    const rows = matching(filter, upToId);
    const row = this.statement(
      `count:${rows.shape}`,
      () => `SELECT count(*) AS n FROM deliveries d ${rows.where}`,
    ).get(...rows.params) as { n: number };
    return row.n;
  }

  /** The oldest `limit` matches, read and deleted in one transaction. */
  deleteChunk(filter: DeliveryFilter, upToId: number, limit: number): Gone[] {
    const rows = matching(filter, upToId);
    const select = this.statement(
      `ids:${rows.shape}`,
      () => `SELECT d.id FROM deliveries d ${rows.where} ORDER BY d.id LIMIT ?`,
    );
    return this.db.transaction(() => {
      const ids = (select.all(...rows.params, limit) as Array<{ id: number }>).map((r) => r.id);
      return this.dropTx(ids);
    })();
  }

  private statement(key: string, sql: () => string): Statement {
    let statement = this.byShape.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.byShape.set(key, statement);
    }
    return statement;
  }
}

/**
 * What the list shows for this filter, up to an id, as SQL over
 * `deliveries d`: the table's columns for everything but the words, and the
 * search index for those. A delivery the index has not reached yet is not
 * found by words here, as it is not in the list (which says so) either.
 */
function matching(filter: DeliveryFilter, upToId: number): FilterSql {
  const rows = filterSql({ ...filter, before: upToId + 1 });
  const words = filter.query ? ftsQuery(filter.query) : null;
  if (words === null) return rows;
  const clause = 'd.sort_key IN (SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ?)';
  return {
    shape: `${rows.shape} AND ${clause}`,
    where: `${rows.where} AND ${clause}`,
    params: [...rows.params, words],
  };
}
