import { TOTAL_COUNTED_UP_TO } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import { type FilterSql, filterSql, ftsQuery, idVariants } from './filter-sql';
import { type DeliveryListRow, LIST_COLUMNS, type SeenUserRow } from './records';
import { facetTerms } from './search-facets';
import type { DeliverySearch } from './store';

/** A search without its page size. */
type Narrowing = Omit<DeliverySearch, 'limit'>;

/** LIST_COLUMNS of `deliveries d`: the index has a `text` column too. */
const D_LIST_COLUMNS = LIST_COLUMNS.split(',')
  .map((column) => `d.${column.trim()}`)
  .join(', ');
/** The index first, each of its rows joined to the table by id: CROSS JOIN keeps that order. */
const JOINED = 'deliveries_fts f CROSS JOIN deliveries d ON d.id = f.rowid';
const SEEN_USER_COLUMNS = 'd.user_id, d.user_name, d.user_username, d.user_language, d.chat_id, d.chat_type';

export interface FoundPage {
  rows: DeliveryListRow[];
  /** Matches counted up to one past TOTAL_COUNTED_UP_TO. */
  counted: number;
  /** Deliveries newer than the search index that a text search could not see. */
  unsearched: number;
}

/**
 * Lists through the search index whenever a filter names words or a value
 * the index holds as a facet: FTS5 walks the matching rows newest first and
 * stops at the page (or at the count's bound), whatever share of a million
 * rows matches. The rows the writer thread has not indexed yet (usually a
 * few milliseconds' worth; after a migration, everything) are filtered from
 * the table itself, so a filter never misses one; only words must wait for
 * the index, and the page says how many deliveries they could not see.
 */
export class SqliteSearch {
  private readonly byShape = new Map<string, Statement>();
  private readonly progress: Statement<[], { indexed_up_to: number }>;
  private readonly maxId: Statement<[], { n: number | null }>;
  private readonly listRow: Statement<[number], DeliveryListRow>;

  constructor(private readonly db: Database) {
    this.progress = db.prepare('SELECT indexed_up_to FROM search_progress');
    this.maxId = db.prepare('SELECT max(id) AS n FROM deliveries');
    this.listRow = db.prepare(`SELECT ${LIST_COLUMNS} FROM deliveries WHERE id = ?`);
  }

  /** The index's query for this filter, or null when it names nothing the index holds. */
  static matchFor(filter: Narrowing): string | null {
    const words = filter.query ? ftsQuery(filter.query) : null;
    const terms = [...(words === null ? [] : [words]), ...facetTerms(filter)];
    return terms.length === 0 ? null : terms.join(' AND ');
  }

  /** A page, newest first, and the count of all matches (cursors aside); `match` from matchFor. */
  find(filter: Narrowing, match: string, limit: number): FoundPage {
    const { before, after, ...narrowing } = filter;
    const upTo = this.indexedUpTo();
    const hasWords = Boolean(filter.query && ftsQuery(filter.query));
    const unsearched = hasWords ? Math.max(0, (this.maxId.get()?.n ?? 0) - upTo) : 0;
    const bound = TOTAL_COUNTED_UP_TO + 1;
    // Newest first: the rows above the index's mark, then the index's own.
    const tail = hasWords ? [] : this.tailRows({ ...narrowing, before, after }, upTo, limit);
    if (before === undefined && after === undefined && tail.length < limit) {
      // The first page and its count in one walk of the index: the ids up to the count's bound,
      // then the page's rows by id. (Walking it twice, for the page and then the count, cost double.)
      const ids = this.headIds(narrowing, match, upTo, bound - tail.length);
      const head = ids.slice(0, limit - tail.length).map((id) => this.listRow.get(id));
      const rows = [...tail, ...head.filter((row) => row !== undefined)];
      return { rows, counted: tail.length + ids.length, unsearched };
    }
    const head =
      tail.length < limit
        ? this.headRows({ ...narrowing, before, after }, match, upTo, limit - tail.length)
        : [];
    const rows = [...tail, ...head];
    const tailCount = hasWords ? 0 : this.count(this.tailSql(narrowing, upTo), bound);
    const headCount = tailCount >= bound ? 0 : this.count(this.headSql(narrowing, match, upTo), bound);
    return { rows, counted: tailCount + headCount, unsearched };
  }

  /**
   * The user as last seen in a platform delivery, under the number spelling
   * of the id first: the newest row of the tail, or else of the index.
   */
  seenUser(id: string): SeenUserRow | undefined {
    const upTo = this.indexedUpTo();
    const match = facetTerms({ userId: id })[0] as string;
    const tail = this.statement(
      'seen:tail',
      () => `SELECT ${SEEN_USER_COLUMNS} FROM deliveries d
        WHERE d.id > ? AND d.user_id = ? AND d.platform != 'signed-link' ORDER BY d.id DESC LIMIT 1`,
    );
    const head = this.statement(
      'seen:head',
      () => `SELECT ${SEEN_USER_COLUMNS} FROM ${JOINED}
        WHERE deliveries_fts MATCH ? AND f.rowid <= ? AND d.user_id = ? AND d.platform != 'signed-link'
        ORDER BY f.rowid DESC LIMIT 1`,
    );
    for (const spelling of new Set(idVariants(id))) {
      const seen = (tail.get(upTo, spelling) ?? head.get(match, upTo, spelling)) as SeenUserRow | undefined;
      if (seen) return seen;
    }
    return undefined;
  }

  private indexedUpTo(): number {
    return this.progress.get()?.indexed_up_to ?? 0;
  }

  private tailSql(filter: Narrowing, upTo: number): FilterSql {
    const rest = filterSql(filter);
    return {
      shape: `tail:${rest.shape}`,
      where: `WHERE d.id > ?${rest.shape ? ` AND ${rest.shape}` : ''}`,
      params: [upTo, ...rest.params],
    };
  }

  private tailRows(filter: Narrowing, upTo: number, limit: number): DeliveryListRow[] {
    const sql = this.tailSql(filter, upTo);
    return this.statement(
      `page:${sql.shape}`,
      () => `SELECT ${D_LIST_COLUMNS} FROM deliveries d ${sql.where} ORDER BY d.id DESC LIMIT ?`,
    ).all(...sql.params, limit) as DeliveryListRow[];
  }

  /**
   * The index's rows: its MATCH, its rowid range (cursors as rowid bounds,
   * so FTS5 starts at the cursor instead of walking down to it) and what the
   * table alone knows (inbox, time), joined row by row from the index.
   */
  private headSql(filter: Narrowing, match: string, upTo: number): FilterSql & { joined: boolean } {
    const { before, after, ...narrowing } = filter;
    const rest = filterSql(narrowing, { facets: false });
    const clauses = ['deliveries_fts MATCH ?', 'f.rowid <= ?'];
    const params: unknown[] = [match, upTo];
    if (before !== undefined) {
      clauses.push('f.rowid < ?');
      params.push(before);
    }
    if (after !== undefined) {
      clauses.push('f.rowid > ?');
      params.push(after);
    }
    if (rest.shape) {
      clauses.push(rest.shape);
      params.push(...rest.params);
    }
    return {
      shape: clauses.join(' AND '),
      where: `WHERE ${clauses.join(' AND ')}`,
      params,
      joined: rest.shape !== '',
    };
  }

  private headIds(filter: Narrowing, match: string, upTo: number, limit: number): number[] {
    const sql = this.headSql(filter, match, upTo);
    const from = sql.joined ? JOINED : 'deliveries_fts f';
    return this.statement(
      `ids:${from}:${sql.shape}`,
      () => `SELECT f.rowid FROM ${from} ${sql.where} ORDER BY f.rowid DESC LIMIT ?`,
      true,
    ).all(...sql.params, limit) as number[];
  }

  private headRows(filter: Narrowing, match: string, upTo: number, limit: number): DeliveryListRow[] {
    const sql = this.headSql(filter, match, upTo);
    return this.statement(
      `page:head:${sql.shape}`,
      () => `SELECT ${D_LIST_COLUMNS} FROM ${JOINED} ${sql.where} ORDER BY f.rowid DESC LIMIT ?`,
    ).all(...sql.params, limit) as DeliveryListRow[];
  }

  /** Bounded: a broad filter over a million rows stops counting at `bound`. */
  private count(sql: FilterSql & { joined?: boolean }, bound: number): number {
    const from = sql.joined === undefined ? 'deliveries d' : sql.joined ? JOINED : 'deliveries_fts f';
    return (
      this.statement(
        `count:${from}:${sql.shape}`,
        () => `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${sql.where} LIMIT ${bound})`,
      ).get(...sql.params) as { n: number }
    ).n;
  }
  private statement(key: string, sql: () => string, pluck = false): Statement {
    let statement = this.byShape.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      if (pluck) statement.pluck();
      this.byShape.set(key, statement);
    }
    return statement;
  }
}
