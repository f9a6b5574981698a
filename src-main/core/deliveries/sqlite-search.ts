import { TOTAL_COUNTED_UP_TO } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import { type FilterSql, filterSql, ftsQuery, idVariants } from './filter-sql';
import { type DeliveryListRow, LIST_COLUMNS, type SeenUserRow } from './records';
import { facetTerms } from './search-facets';
import { SqliteCursor } from './sqlite-cursor';
import type { DeliverySearch } from './store';
import { firstKeyOf, lastKeyOf, newestFirst } from './time-key';

/** A search without its page size. */
type Narrowing = Omit<DeliverySearch, 'limit'>;
/** A search without its page size and cursors. */
type Matching = Omit<DeliverySearch, 'limit' | 'before' | 'beforeAt' | 'after'>;

/** LIST_COLUMNS of `deliveries d`: the index has a `text` column too. */
const D_LIST_COLUMNS = LIST_COLUMNS.split(',')
  .map((column) => `d.${column.trim()}`)
  .join(', ');
/** The index first, each of its rows joined to the table by its key: CROSS JOIN keeps that order. */
const JOINED = 'deliveries_fts f CROSS JOIN deliveries d ON d.sort_key = f.rowid';
const SEEN_USER_COLUMNS =
  'd.id, d.received_at, d.user_id, d.user_name, d.user_username, d.user_language, d.chat_id, d.chat_type';
/** Past this many rows above a mark, walking the time order beats sorting them by time. */
const SORTED_UP_TO = 10_000;

export interface FoundPage {
  rows: DeliveryListRow[];
  /** Matches counted up to one past TOTAL_COUNTED_UP_TO. */
  counted: number;
  /** Deliveries newer than the search index that a text search could not see. */
  unsearched: number;
}

/**
 * Lists through the search index whenever a filter names words or a value
 * the index holds as a facet: FTS5 walks the matching rows in list order
 * (its rowid is the time-ordered key, time-key.ts) and stops at the page (or
 * at the count's bound), whatever share of a million rows matches. The rows
 * the writer thread has not indexed yet (usually a few milliseconds' worth;
 * after a migration, everything) are filtered from the table itself and
 * merged in, so a filter never misses one; only words must wait for the
 * index, and the page says how many deliveries they could not see.
 */
export class SqliteSearch {
  private readonly byShape = new Map<string, Statement>();
  private readonly progress: Statement<[], { indexed_up_to: number }>;
  private readonly maxId: Statement<[], { n: number | null }>;
  private readonly rowByKey: Statement<[bigint], DeliveryListRow>;
  private readonly cursor: SqliteCursor;
  /** One read snapshot per call: the index's mark and its rows must agree. */
  private readonly findInSnapshot: (filter: Narrowing, match: string, limit: number) => FoundPage;
  private readonly seenInSnapshot: (id: string) => SeenUserRow | undefined;

  constructor(private readonly db: Database) {
    this.progress = db.prepare('SELECT indexed_up_to FROM search_progress');
    this.maxId = db.prepare('SELECT max(id) AS n FROM deliveries');
    this.rowByKey = db.prepare(`SELECT ${LIST_COLUMNS} FROM deliveries WHERE sort_key = ?`);
    this.cursor = new SqliteCursor(db);
    this.findInSnapshot = db.transaction((filter: Narrowing, match: string, limit: number) =>
      this.findNow(filter, match, limit),
    );
    this.seenInSnapshot = db.transaction((id: string) => this.seenNow(id));
  }

  /** The index's query for this filter, or null when it names nothing the index holds. */
  static matchFor(filter: Narrowing): string | null {
    const words = filter.query ? ftsQuery(filter.query) : null;
    const terms = [...(words === null ? [] : [words]), ...facetTerms(filter)];
    return terms.length === 0 ? null : terms.join(' AND ');
  }

  /** A page in list order and the count of all matches (cursors aside); `match` from matchFor. */
  find(filter: Narrowing, match: string, limit: number): FoundPage {
    return this.findInSnapshot(filter, match, limit);
  }

  /**
   * The user as last seen in a platform delivery, under the number spelling
   * of the id first: the newest row of the tail or of the index.
   */
  seenUser(id: string): SeenUserRow | undefined {
    return this.seenInSnapshot(id);
  }

  private findNow(filter: Narrowing, match: string, limit: number): FoundPage {
    const { before, beforeAt, after, ...matching } = filter;
    const upTo = this.indexedUpTo();
    const hasWords = Boolean(filter.query && ftsQuery(filter.query));
    const aboveMark = Math.max(0, (this.maxId.get()?.n ?? 0) - upTo);
    const unsearched = hasWords ? aboveMark : 0;
    const bound = TOTAL_COUNTED_UP_TO + 1;
    const below = before === undefined ? null : this.cursor.below(before, beforeAt);
    let rows: DeliveryListRow[];
    if (after !== undefined) {
      // What arrived since: a range of ids, each row checked against the index's words.
      rows = this.arrivedRows(matching, match, hasWords ? upTo : null, after, below, limit);
    } else {
      const tail = hasWords ? [] : this.tailRows(matching, upTo, aboveMark, below, limit);
      if (below === null && tail.length < limit) {
        // The first page and its count in one walk of the index: the keys up to the count's bound,
        // then the page's rows by key. (Walking it twice, for the page and then the count, cost double.)
        const keys = this.headKeys(matching, match, bound - tail.length);
        const head = keys.slice(0, limit).map((key) => this.rowByKey.get(key));
        rows = mergeNewestFirst(
          tail,
          head.filter((row) => row !== undefined),
        ).slice(0, limit);
        return { rows, counted: tail.length + keys.length, unsearched };
      }
      rows = mergeNewestFirst(tail, this.headRows(matching, match, below, limit)).slice(0, limit);
    }
    const tailCount = hasWords ? 0 : this.count(this.tailSql(matching, upTo), bound);
    const headCount = tailCount >= bound ? 0 : this.count(this.headSql(matching, match, null), bound);
    return { rows, counted: tailCount + headCount, unsearched };
  }

  private seenNow(id: string): SeenUserRow | undefined {
    const upTo = this.indexedUpTo();
    const match = facetTerms({ userId: id })[0] as string;
    const tail = this.statement(
      'seen:tail',
      () => `SELECT ${SEEN_USER_COLUMNS} FROM deliveries d
        WHERE d.id > ? AND d.user_id = ? AND d.platform != 'signed-link' ORDER BY +d.sort_key DESC LIMIT 1`,
    );
    const head = this.statement(
      'seen:head',
      () => `SELECT ${SEEN_USER_COLUMNS} FROM ${JOINED}
        WHERE deliveries_fts MATCH ? AND d.user_id = ? AND d.platform != 'signed-link'
        ORDER BY f.rowid DESC LIMIT 1`,
    );
    for (const spelling of new Set(idVariants(id))) {
      const seen = [tail.get(upTo, spelling), head.get(match, spelling)] as Array<SeenUserRow | undefined>;
      const [newest] = seen.filter((row) => row !== undefined).sort(newestFirst);
      if (newest) return newest;
    }
    return undefined;
  }

  private indexedUpTo(): number {
    return this.progress.get()?.indexed_up_to ?? 0;
  }

  private tailSql(filter: Matching, upTo: number): FilterSql {
    const rest = filterSql(filter);
    return {
      shape: `tail:${rest.shape}`,
      where: `WHERE d.id > ?${rest.shape ? ` AND ${rest.shape}` : ''}`,
      params: [upTo, ...rest.params],
    };
  }

  /**
   * The rows above the mark, in list order. Few (the usual case): read by id
   * and sorted. Many (after a migration, all of them): the time order walked
   * down to the page, past the indexed rows.
   */
  private tailRows(
    filter: Matching,
    upTo: number,
    aboveMark: number,
    below: bigint | null,
    limit: number,
  ): DeliveryListRow[] {
    const sql = this.tailSql(filter, upTo);
    const order = aboveMark <= SORTED_UP_TO ? '+d.sort_key' : 'd.sort_key';
    const cursor = below === null ? '' : ' AND d.sort_key < ?';
    return this.statement(
      `page:${order}:${sql.shape}${cursor}`,
      () => `SELECT ${D_LIST_COLUMNS} FROM deliveries d ${sql.where}${cursor} ORDER BY ${order} DESC LIMIT ?`,
    ).all(...sql.params, ...(below === null ? [] : [below]), limit) as DeliveryListRow[];
  }

  /**
   * Rows that arrived after an id (the live list's catch-up: usually a
   * handful), in list order: read by id, sorted by time, the words (if any)
   * checked against the index row by row; `upTo` leaves out what the index
   * has not reached.
   */
  private arrivedRows(
    filter: Matching,
    match: string,
    upTo: number | null,
    after: number,
    below: bigint | null,
    limit: number,
  ): DeliveryListRow[] {
    const rest = filterSql(filter);
    const clauses = ['d.id > ?', ...(rest.shape ? [rest.shape] : [])];
    const params: unknown[] = [after, ...rest.params];
    if (upTo !== null) {
      clauses.push(
        'd.id <= ?',
        'EXISTS (SELECT 1 FROM deliveries_fts WHERE deliveries_fts MATCH ? AND rowid = d.sort_key)',
      );
      params.push(upTo, match);
    }
    if (below !== null) {
      clauses.push('d.sort_key < ?');
      params.push(below);
    }
    const where = clauses.join(' AND ');
    return this.statement(
      `arrived:${where}`,
      () => `SELECT ${D_LIST_COLUMNS} FROM deliveries d WHERE ${where} ORDER BY +d.sort_key DESC LIMIT ?`,
    ).all(...params, limit) as DeliveryListRow[];
  }

  /**
   * The index's rows: its MATCH, its rowid range (a cursor or a time range
   * as key bounds, so FTS5 starts there instead of walking down to it) and
   * what the table alone knows (inbox, time), joined row by row from the index.
   */
  private headSql(filter: Matching, match: string, below: bigint | null): FilterSql & { joined: boolean } {
    const rest = filterSql(filter, { facets: false });
    const clauses = ['deliveries_fts MATCH ?'];
    const params: unknown[] = [match];
    const bound = (clause: string, key: bigint) => {
      clauses.push(clause);
      params.push(key);
    };
    if (below !== null) bound('f.rowid < ?', below);
    if (filter.from !== undefined) bound('f.rowid >= ?', firstKeyOf(Date.parse(filter.from)));
    if (filter.to !== undefined) bound('f.rowid <= ?', lastKeyOf(Date.parse(filter.to)));
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

  private headKeys(filter: Matching, match: string, limit: number): bigint[] {
    const sql = this.headSql(filter, match, null);
    const from = sql.joined ? JOINED : 'deliveries_fts f';
    const statement = this.statement(
      `keys:${from}:${sql.shape}`,
      () => `SELECT f.rowid FROM ${from} ${sql.where} ORDER BY f.rowid DESC LIMIT ?`,
      true,
    );
    return statement.all(...sql.params, limit) as bigint[];
  }

  private headRows(filter: Matching, match: string, below: bigint | null, limit: number): DeliveryListRow[] {
    const sql = this.headSql(filter, match, below);
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
  /** `keys`: the statement returns its one column, the key, as a bigint. */
  private statement(key: string, sql: () => string, keys = false): Statement {
    let statement = this.byShape.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      if (keys) statement.pluck().safeIntegers();
      this.byShape.set(key, statement);
    }
    return statement;
  }
}

/** Two pages in list order as one (the tail's rows and the index's are disjoint). */
function mergeNewestFirst(a: DeliveryListRow[], b: DeliveryListRow[]): DeliveryListRow[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return [...a, ...b].sort(newestFirst);
}
