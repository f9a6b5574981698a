import { type DeliveryFilter, type DeliveryListItem, TOTAL_COUNTED_UP_TO } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import { filterSql, isPlainFilter } from './filter-sql';
import { type DeliveryListRow, type DeliveryRow, LIST_COLUMNS, type NewDelivery } from './records';
import { SqliteCursor } from './sqlite-cursor';
import { type Gone, SqliteDeleter } from './sqlite-delete';
import { SqliteInserter } from './sqlite-insert';
import { SqliteRetentionCut } from './sqlite-retention-cut';
import { SqliteSearch } from './sqlite-search';
import { SqliteSearchIndexer } from './sqlite-search-index';
import type { SqliteWriter } from './sqlite-writer';
import type {
  DeliveryPage,
  DeliverySearch,
  DeliveryStore,
  ReplaySource,
  SeenUser,
  StoredDelivery,
} from './store';
import { firstKeyOf, lastKeyOf } from './time-key';
import { sourceFromRow, storedFromRow, toListItem, toSeenUser } from './to-contract';

/**
 * How long a word search waits for the index to reach the newest delivery:
 * a step takes milliseconds, so this is only reached behind a long backlog
 * (after a migration), where the page says what it could not see instead.
 * A count or delete by words waits longer (SqliteWriter's limit).
 */
const SEARCH_WAITS_MS = 250;

/**
 * Deliveries in SQLite. Every statement is prepared once, here; callers use
 * methods by name and never build SQL. Methods are async only to share the
 * interface with PostgreSQL: each runs to the end in one synchronous call.
 */
export class SqliteDeliveryStore implements DeliveryStore {
  private readonly byId: Statement<[number], DeliveryRow>;
  private readonly listRow: Statement<[number], DeliveryListRow>;
  private readonly sourcesById: Statement<
    [string],
    { id: number; headers: string; body: Buffer; body_omitted: number }
  >;
  private readonly maxId: Statement<[], { n: number | null }>;
  private readonly countsByInbox: Statement<[], { inbox: string; n: number }>;
  private readonly inserter: SqliteInserter;
  private readonly indexer: SqliteSearchIndexer;
  private readonly indexed: SqliteSearch;
  /** Kept in memory: count(*) is a full scan, and the list asks on every page. */
  private readonly counts = new Map<string, number>();
  private readonly byShape = new Map<string, Statement>();
  private readonly maxUpdate: Statement<[], { n: number | null }>;
  private readonly pruneTx: (inbox: string, keepCount: number | null, olderThan: number | null) => number;
  private readonly sameCandidates: Statement<
    [bigint, bigint, number, string, string, string, string, number],
    { body: Buffer }
  >;
  private total = 0;
  private readonly cursor: SqliteCursor;
  private readonly deleter: SqliteDeleter;

  constructor(
    private readonly db: Database,
    /** Where inserts go when the app runs: a thread of their own (see sqlite-writer.ts). */
    private readonly writer: SqliteWriter | null = null,
  ) {
    this.listRow = db.prepare(`SELECT ${LIST_COLUMNS} FROM deliveries WHERE id = ?`);
    this.sourcesById = db.prepare(
      'SELECT id, headers, body, body_omitted FROM deliveries WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.maxId = db.prepare('SELECT max(id) AS n FROM deliveries');
    this.byId = db.prepare(
      `SELECT d.*, i.outcome AS inv_outcome, i.profile_id AS inv_profile_id, i.command AS inv_command,
         i.user_id AS inv_user_id, i.options AS inv_options, i.params AS inv_params, i.reason AS inv_reason,
         i.check_code AS inv_check, i.logs AS inv_logs, i.sent AS inv_sent, i.duration_ms AS inv_duration_ms,
         i.response_truncated AS inv_response_truncated
       FROM deliveries d LEFT JOIN invocations i ON i.delivery_id = d.id WHERE d.id = ?`,
    );
    this.maxUpdate = db.prepare('SELECT max(update_id) AS n FROM deliveries');
    const cut = new SqliteRetentionCut(db);
    const doomed = db.prepare<[string, bigint], { id: number }>(
      'SELECT id FROM deliveries WHERE inbox = ? AND sort_key <= ?',
    );
    const unlink = db.prepare('UPDATE deliveries SET duplicate_of = NULL WHERE duplicate_of = ?');
    const dropFts = db.prepare(
      'DELETE FROM deliveries_fts WHERE rowid = (SELECT sort_key FROM deliveries WHERE id = ?)',
    );
    const drop = db.prepare('DELETE FROM deliveries WHERE id = ?');
    this.pruneTx = db.transaction((inbox: string, keepCount: number | null, olderThan: number | null) => {
      const ids = doomed.all(inbox, cut.lastDoomedKey(inbox, keepCount, olderThan)).map((r) => r.id);
      for (const id of ids) {
        unlink.run(id);
        dropFts.run(id);
        drop.run(id);
      }
      return ids.length;
    });
    this.sameCandidates = db.prepare(
      `SELECT body FROM deliveries WHERE sort_key BETWEEN ? AND ? AND received_at = ? AND inbox = ? AND method = ?
         AND path = ? AND query = ? AND body_size = ?`,
    );
    this.countsByInbox = db.prepare('SELECT inbox, count(*) AS n FROM deliveries GROUP BY inbox');
    for (const { inbox, n } of this.countsByInbox.all()) {
      this.counts.set(inbox, n);
      this.total += n;
    }
    this.inserter = new SqliteInserter(db);
    this.indexer = new SqliteSearchIndexer(db);
    this.indexed = new SqliteSearch(db);
    this.deleter = new SqliteDeleter(db);
    this.cursor = new SqliteCursor(db);
  }

  // Deletes live in sqlite-delete.ts; here only the in-memory counts follow them.
  async deleteIds(ids: readonly number[]): Promise<number[]> {
    return this.forget(this.deleter.deleteIds(ids));
  }

  async countMatching(filter: DeliveryFilter, upToId: number): Promise<number> {
    await this.wordsIndexed(filter);
    return this.deleter.count(filter, upToId);
  }

  async deleteMatchingChunk(filter: DeliveryFilter, upToId: number, limit: number): Promise<number[]> {
    await this.wordsIndexed(filter);
    return this.forget(this.deleter.deleteChunk(filter, upToId, limit));
  }

  private forget(gone: Gone[]): number[] {
    for (const { inbox } of gone) {
      this.counts.set(inbox, Math.max(0, (this.counts.get(inbox) ?? 0) - 1));
      this.total = Math.max(0, this.total - 1);
    }
    return gone.map((g) => g.id);
  }

  /**
   * Inserts all rows in one transaction; returns them as the list shows them.
   * With a writer thread the transaction (and its fsync) runs there, so the
   * event loop answers other requests meanwhile, and the thread indexes
   * them behind the commit; without one (tools, tests), here, with the
   * search index written in the same call.
   */
  async insertAll(rows: NewDelivery[]): Promise<DeliveryListItem[]> {
    let items: DeliveryListItem[];
    if (this.writer) items = await this.writer.insertAll(rows);
    else {
      items = this.inserter.insertBatch(rows);
      this.indexer.indexAll();
    }
    for (const item of items) {
      this.counts.set(item.inbox, (this.counts.get(item.inbox) ?? 0) + 1);
      this.total += 1;
    }
    return items;
  }

  /** In list order (time-key.ts), narrowed by any filter; statements are prepared once per filter shape. */
  async search(filter: DeliverySearch): Promise<DeliveryPage> {
    const { limit, ...search } = filter;
    const match = SqliteSearch.matchFor(search);
    if (match !== null) {
      await this.wordsIndexed(search, SEARCH_WAITS_MS);
      const found = this.indexed.find(search, match, limit);
      return {
        items: found.rows.map(toListItem),
        total: Math.min(found.counted, TOTAL_COUNTED_UP_TO),
        totalExact: found.counted <= TOTAL_COUNTED_UP_TO,
        ...(found.unsearched > 0 ? { unsearched: found.unsearched } : {}),
      };
    }
    // Nothing the index holds: the inbox, time and cursors, by the table's own indexes.
    const { before, beforeAt, after, ...narrowing } = search;
    const rows = filterSql({ ...narrowing, after });
    const cursor = before === undefined ? '' : `${rows.where ? ' AND' : ' WHERE'} d.sort_key < ?`;
    // What arrived after an id (usually a handful) is read by id and sorted; a page walks the time order.
    const order = after === undefined ? 'd.sort_key' : '+d.sort_key';
    const items = this.statement(
      `page:${order}:${rows.shape}${cursor}`,
      () => `SELECT ${LIST_COLUMNS} FROM deliveries d ${rows.where}${cursor} ORDER BY ${order} DESC LIMIT ?`,
    ).all(
      ...rows.params,
      ...(before === undefined ? [] : [this.cursor.below(before, beforeAt)]),
      limit,
    ) as DeliveryListRow[];
    if (isPlainFilter(narrowing)) {
      return { items: items.map(toListItem), total: this.countNow(narrowing.inbox), totalExact: true };
    }
    // Counted up to one past the bound: a broad filter over a million rows stops there.
    const counted = filterSql(narrowing);
    const n = (
      this.statement(
        `count:${counted.shape}`,
        () =>
          `SELECT count(*) AS n FROM (SELECT 1 FROM deliveries d ${counted.where} LIMIT ${TOTAL_COUNTED_UP_TO + 1})`,
      ).get(...counted.params) as { n: number }
    ).n;
    const totalExact = n <= TOTAL_COUNTED_UP_TO;
    return { items: items.map(toListItem), total: Math.min(n, TOTAL_COUNTED_UP_TO), totalExact };
  }

  private statement(key: string, sql: () => string): Statement {
    let statement = this.byShape.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.byShape.set(key, statement);
    }
    return statement;
  }

  async listByIds(ids: readonly number[]): Promise<DeliveryListItem[]> {
    const rows = ids.map((id) => this.listRow.get(id)).filter((row) => row !== undefined);
    return rows.sort((a, b) => a.id - b.id).map(toListItem);
  }

  async lastId(): Promise<number> {
    return this.maxId.get()?.n ?? 0;
  }

  async count(inbox?: string): Promise<number> {
    return this.countNow(inbox);
  }

  private countNow(inbox?: string): number {
    return inbox === undefined ? this.total : (this.counts.get(inbox) ?? 0);
  }

  async get(id: number): Promise<StoredDelivery | null> {
    const row = this.byId.get(id);
    return row ? storedFromRow(row) : null;
  }

  /**
   * Words are matched only through the index, a step behind the commits (up
   * to 100 ms, see index-pacer.ts): every search, count and delete by words
   * asks the writer thread to index at once and waits, so it takes what the
   * list shows. Without a writer thread, inserts index as they commit.
   */
  private async wordsIndexed(filter: DeliveryFilter, withinMs?: number): Promise<void> {
    if (this.writer === null || !filter.query?.trim()) return;
    const newest = this.maxId.get()?.n ?? 0;
    if (this.writer.indexedUpTo < newest) await this.writer.indexedTo(newest, withinMs);
  }

  async replaySources(ids: readonly number[]): Promise<Map<number, ReplaySource>> {
    const found = new Map<number, ReplaySource>();
    if (ids.length === 0) return found;
    for (const row of this.sourcesById.all(JSON.stringify(ids))) {
      found.set(row.id, sourceFromRow(row));
    }
    return found;
  }

  /**
   * Retention: deletes an inbox's deliveries beyond the newest `keepCount`
   * and those received before `olderThan` (ms); returns how many went.
   * Search rows and links from duplicates go with them.
   */
  async prune(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number> {
    const removed = this.pruneTx(inbox, keepCount, olderThan);
    if (removed > 0) this.recount();
    return removed;
  }

  private recount(): void {
    this.counts.clear();
    this.total = 0;
    for (const { inbox, n } of this.countsByInbox.all()) {
      this.counts.set(inbox, n);
      this.total += n;
    }
  }

  /** Is this exact delivery (time, inbox, request line and body bytes) already stored? Imports skip it then. */
  async hasSame(d: NewDelivery): Promise<boolean> {
    return this.sameCandidates
      .all(
        firstKeyOf(d.receivedAt),
        lastKeyOf(d.receivedAt),
        d.receivedAt,
        d.inbox,
        d.method,
        d.path,
        d.query,
        d.bodySize,
      )
      .some((row) => row.body.equals(d.body));
  }

  /** The largest update_id stored: renumbered replays continue after it. */
  async maxUpdateId(): Promise<number> {
    return this.maxUpdate.get()?.n ?? 0;
  }

  /** The user as last seen in a platform delivery, with the chat of that delivery. */
  async seenUser(id: string): Promise<SeenUser | null> {
    const seen = this.indexed.seenUser(id);
    return seen ? toSeenUser(seen) : null;
  }
}
