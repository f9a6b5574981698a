import { type DeliveryFilter, type DeliveryListItem, TOTAL_COUNTED_UP_TO } from '@contract';
import type postgres from 'postgres';
import { notifyChange } from '../store/pg/changes';
import { CommitOrder } from '../store/pg/commit-order';
import type { Sql, TransactionSql } from '../store/pg/connect';
import { type InsertedCopy, settleFirstCopies } from '../store/pg/first-copies';
import { searchQuery } from '../store/pg/search-text';
import { pgText } from '../store/pg/text-value';
import { idVariants, STATUS_CLASS } from './filter-sql';
import { PgDeleter } from './pg-delete';
import { retentionCut } from './pg-retention-cut';
import { type PgDeliveryValues, pgDeliveryValues, pgInvocationValues } from './pg-rows';
import type { DeliveryListRow, DeliveryRow, NewDelivery, SeenUserRow } from './records';
import type {
  DeliveryPage,
  DeliverySearch,
  DeliveryStore,
  ReplaySource,
  SeenUser,
  StoredDelivery,
} from './store';
import { sourceFromRow, storedFromRow, toListItem, toSeenUser } from './to-contract';

/** Milliseconds as the timestamptz input the contract's ISO times are: exact, since both keep whole ms. */
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Promise.all that waits for every statement before it fails: one that
 * fails first must not let the transaction roll back while another is
 * still queueing statements, which would then run outside it.
 */
async function allOrFirstError<T extends readonly unknown[]>(
  work: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const outcomes = await Promise.allSettled(work);
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
  return outcomes.map((o) => (o as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * Deliveries in PostgreSQL, shared by every replica of a team server: the
 * same results as SqliteDeliveryStore for the same data (one conformance
 * suite runs against both). What must hold across replicas is decided by
 * the database: the first copy of an update by first_updates' key
 * (first-copies.ts), ids by the identity column.
 *
 * Values travel as parameters only: filters are postgres.js fragments, and
 * a batch goes as one array per column (unnest), so one prepared statement
 * serves every batch size. Arrays of strings and numbers are typed by the
 * casts in the statement; booleans and bytes go through sql.array, which
 * postgres.js otherwise mistypes as a single value.
 */
export class PgDeliveryStore implements DeliveryStore {
  /** The list columns, with times as ms like SQLite's, for the shared row mappers. */
  private readonly listColumns: postgres.Fragment;
  private readonly deleter: PgDeleter;
  private readonly order = new CommitOrder();

  /** @param origin this replica's id, sent with change notices so it can ignore its own. */
  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
  ) {
    this.listColumns = sql`id, (extract(epoch FROM received_at) * 1000)::bigint AS received_at, inbox, method,
      path, response_status, problem, duplicate_of, body_size, platform, kind, update_id, user_id, user_name,
      user_username, user_language, chat_id, chat_type, text`;
    this.deleter = new PgDeleter(sql, origin, (filter) => this.narrowing(filter));
  }

  // Deletes live in pg-delete.ts.
  deleteIds(ids: readonly number[]): Promise<number[]> {
    return this.deleter.deleteIds(ids);
  }

  countMatching(filter: DeliveryFilter, upToId: number): Promise<number> {
    return this.deleter.count(filter, upToId);
  }

  deleteMatchingChunk(filter: DeliveryFilter, upToId: number, limit: number): Promise<number[]> {
    return this.deleter.deleteChunk(filter, upToId, limit);
  }

  /**
   * The group commit: one transaction, one INSERT for the batch, then the
   * duplicate rule, the invocations, and the notice other replicas act on
   * once it commits. Two may be under way, in the order CommitOrder keeps.
   *
   * The claims, the invocations and the notice need only the new ids, so
   * they go out together: one round trip, not three. Each round trip waits
   * behind whatever the event loop is doing, and under load that is most of
   * a commit's time. sql.begin, not a reserved connection: it fails the
   * batch when its connection drops, where a reserved connection's next
   * statement would wait forever (postgres.js 3.4).
   */
  async insertAll(rows: NewDelivery[]): Promise<DeliveryListItem[]> {
    if (rows.length === 0) return [];
    const values = rows.map(pgDeliveryValues);
    const turn = this.order.take();
    let givenUp = false;
    try {
      // A batch waiting for its turn to insert holds no connection.
      await turn.insertedBefore;
      return await this.sql.begin(async (tx) => {
        let ids: number[];
        try {
          ids = await this.insertDeliveries(tx, values);
        } finally {
          turn.inserted();
        }
        await turn.settledBefore;
        // The connection dropped while this batch waited, and sql.begin has failed it: any statement,
        // even its ROLLBACK, would go to a closed socket (postgres.js then throws outside any promise).
        if (givenUp) return new Promise<never>(() => undefined);
        const [duplicates] = await allOrFirstError([
          settleFirstCopies(tx, this.copiesOf(values, ids)),
          this.insertInvocations(tx, rows, ids),
          notifyChange(tx, this.origin, 'deliveries', ids),
        ] as const);
        return values.map((v, i) => {
          const id = ids[i] as number;
          const duplicateOf = duplicates.get(id) ?? null;
          return toListItem({
            ...v.list,
            id,
            problem: duplicateOf === null ? v.list.problem : 'duplicate',
            duplicate_of: duplicateOf,
          });
        });
      });
    } catch (error) {
      givenUp = true;
      throw error;
    } finally {
      turn.settled();
    }
  }

  private copiesOf(values: PgDeliveryValues[], ids: number[]): InsertedCopy[] {
    return values.map((v, i) => ({
      id: ids[i] as number,
      inbox: v.list.inbox,
      updateId: v.list.update_id,
      responseStatus: v.list.response_status,
    }));
  }

  /** Returns the new ids in the order of `values`. */
  private async insertDeliveries(tx: TransactionSql, values: PgDeliveryValues[]): Promise<number[]> {
    const column = <T>(pick: (v: PgDeliveryValues) => T): T[] => values.map(pick);
    // Rows go in ordinal order, and the identity draws each id as its row is
    // inserted, so ids ascend with the input; RETURNING's own order is not
    // promised, hence the sort.
    const inserted = await tx<{ id: number }[]>`
      INSERT INTO deliveries (received_at, inbox, method, path, query, headers, remote_address, body, body_size,
        body_omitted, response_status, response_body, problem, platform, kind, update_id, user_id, user_name,
        user_username, user_language, chat_id, chat_type, text, search)
      SELECT received_at::timestamptz, inbox, method, path, query, headers::jsonb, remote_address, body, body_size,
        body_omitted, response_status, response_body, problem, platform, kind, update_id, user_id::jsonb, user_name,
        user_username, user_language, chat_id::jsonb, chat_type, text, search::tsvector
      FROM unnest(
        ${column((v) => iso(v.list.received_at))}::text[],
        ${column((v) => v.list.inbox)}::text[],
        ${column((v) => v.list.method)}::text[],
        ${column((v) => v.list.path)}::text[],
        ${column((v) => v.query)}::text[],
        ${column((v) => v.headers)}::text[],
        ${column((v) => v.remoteAddress)}::text[],
        ${this.sql.array(column((v) => v.body))}::bytea[],
        ${column((v) => v.list.body_size)}::bigint[],
        ${this.sql.array(column((v) => v.bodyOmitted))}::boolean[],
        ${column((v) => v.list.response_status)}::integer[],
        ${column((v) => v.responseBody)}::text[],
        ${column((v) => v.list.problem)}::text[],
        ${column((v) => v.list.platform)}::text[],
        ${column((v) => v.list.kind)}::text[],
        ${column((v) => v.list.update_id)}::bigint[],
        ${column((v) => v.userId)}::text[],
        ${column((v) => v.list.user_name)}::text[],
        ${column((v) => v.list.user_username)}::text[],
        ${column((v) => v.list.user_language)}::text[],
        ${column((v) => v.chatId)}::text[],
        ${column((v) => v.list.chat_type)}::text[],
        ${column((v) => v.list.text)}::text[],
        ${column((v) => v.search)}::text[]
      ) WITH ORDINALITY AS r (received_at, inbox, method, path, query, headers, remote_address, body, body_size,
        body_omitted, response_status, response_body, problem, platform, kind, update_id, user_id, user_name,
        user_username, user_language, chat_id, chat_type, text, search, ord)
      ORDER BY ord
      RETURNING id`;
    return inserted.map((r) => r.id).sort((a, b) => a - b);
  }

  private async insertInvocations(tx: TransactionSql, rows: NewDelivery[], ids: number[]): Promise<void> {
    const invocations = rows.flatMap((row, i) =>
      row.invocation ? [{ deliveryId: ids[i] as number, ...pgInvocationValues(row.invocation) }] : [],
    );
    if (invocations.length === 0) return;
    const column = <T>(pick: (v: (typeof invocations)[number]) => T): T[] => invocations.map(pick);
    await tx`
      INSERT INTO invocations (delivery_id, profile_id, command, user_id, options, params, outcome, reason,
        check_code, logs, sent, duration_ms, response_truncated)
      SELECT delivery_id, profile_id, command, user_id, options, params::json, outcome, reason, check_code,
        logs::json, sent::json, duration_ms, response_truncated
      FROM unnest(
        ${column((v) => v.deliveryId)}::bigint[],
        ${column((v) => v.profileId)}::bigint[],
        ${column((v) => v.command)}::text[],
        ${column((v) => v.userId)}::text[],
        ${column((v) => v.options)}::text[],
        ${column((v) => v.params)}::text[],
        ${column((v) => v.outcome)}::text[],
        ${column((v) => v.reason)}::text[],
        ${column((v) => v.check)}::text[],
        ${column((v) => v.logs)}::text[],
        ${column((v) => v.sent)}::text[],
        ${column((v) => v.durationMs)}::integer[],
        ${this.sql.array(column((v) => v.responseTruncated))}::boolean[]
      ) AS i (delivery_id, profile_id, command, user_id, options, params, outcome, reason, check_code, logs, sent,
        duration_ms, response_truncated)`;
  }

  /**
   * The time of the row a page ended on: the row's own (it may be gone:
   * then `beforeAt`, or the nearest older arrival's).
   */
  private cursorTime(before: number, beforeAt: string | undefined): postgres.Fragment {
    const at = beforeAt === undefined ? this.sql`NULL` : this.sql`${iso(Date.parse(beforeAt))}::timestamptz`;
    return this.sql`coalesce(
      (SELECT received_at FROM deliveries WHERE id = ${before}),
      ${at},
      (SELECT received_at FROM deliveries WHERE id < ${before} ORDER BY id DESC LIMIT 1),
      '-infinity'::timestamptz)`;
  }

  /**
   * In list order (received time, newest first, the id breaking ties),
   * narrowed by any filter, as SQLite's filterSql narrows.
   * The page and the total come from one statement, so they agree (one
   * snapshot) and cost one round trip.
   */
  async search(query: DeliverySearch): Promise<DeliveryPage> {
    const { limit, before, beforeAt, after, ...narrowing } = query;
    const where = this.narrowing(narrowing);
    const page = this.conditions([
      where,
      before === undefined
        ? null
        : this.sql`(received_at, id) < (${this.cursorTime(before, beforeAt)}, ${before})`,
      after === undefined ? null : this.sql`id > ${after}`,
    ]);
    const rows = await this.sql<(Partial<DeliveryListRow> & { total: number })[]>`
      SELECT t.total, p.*
      FROM (SELECT count(*) AS total FROM (
        -- One past the bound: a broad filter over a million rows stops counting there.
        SELECT 1 FROM deliveries WHERE ${where} LIMIT ${TOTAL_COUNTED_UP_TO + 1}) c) t
      LEFT JOIN (
        SELECT ${this.listColumns} FROM deliveries WHERE ${page}
        ORDER BY deliveries.received_at DESC, deliveries.id DESC LIMIT ${limit}
      ) p ON true
      ORDER BY p.received_at DESC, p.id DESC`;
    const counted = rows[0]?.total ?? 0;
    // An empty page still has the total's row, with the page's columns null.
    const items = rows.filter((r) => r.id != null).map((r) => toListItem(r as DeliveryListRow));
    return {
      items,
      total: Math.min(counted, TOTAL_COUNTED_UP_TO),
      totalExact: counted <= TOTAL_COUNTED_UP_TO,
    };
  }

  /** Every filter of deliveries.list, clause for clause as filterSql (filter-sql.ts) builds it for SQLite. */
  private narrowing(filter: Omit<DeliverySearch, 'limit' | 'before' | 'after'>): postgres.Fragment {
    const { sql } = this;
    const where: postgres.Fragment[] = [];
    if (filter.inbox !== undefined) where.push(sql`inbox = ${pgText(filter.inbox)}`);
    const words = filter.query ? searchQuery(filter.query) : null;
    if (words !== null) where.push(sql`search @@ ${words}::tsquery`);
    if (filter.kind !== undefined) where.push(sql`kind = ${pgText(filter.kind)}`);
    if (filter.platform !== undefined) where.push(sql`platform = ${filter.platform}`);
    if (typeof filter.status === 'number') where.push(sql`response_status = ${filter.status}`);
    else if (filter.status !== undefined) {
      const [low, high] = STATUS_CLASS[filter.status] ?? [0, 0];
      where.push(sql`response_status BETWEEN ${low} AND ${high}`);
    }
    if (filter.problem === 'none') where.push(sql`problem IS NULL`);
    else if (filter.problem === 'any') where.push(sql`problem IS NOT NULL`);
    else if (filter.problem !== undefined) where.push(sql`problem = ${filter.problem}`);
    if (filter.userId !== undefined) where.push(sql`user_id IN ${this.idSpellings(filter.userId)}`);
    if (filter.chatId !== undefined) where.push(sql`chat_id IN ${this.idSpellings(filter.chatId)}`);
    if (filter.from !== undefined)
      where.push(sql`received_at >= ${iso(Date.parse(filter.from))}::timestamptz`);
    if (filter.to !== undefined) where.push(sql`received_at <= ${iso(Date.parse(filter.to))}::timestamptz`);
    return this.conditions(where);
  }

  /** The jsonb values an id typed as text may be stored as: see idVariants. */
  private idSpellings(id: string): postgres.Fragment {
    const [first, asText] = idVariants(pgText(id));
    return this.sql`(${this.sql.json(first)}, ${this.sql.json(asText)})`;
  }

  private conditions(parts: Array<postgres.Fragment | null>): postgres.Fragment {
    return parts.reduce<postgres.Fragment>(
      (all, part) => (part === null ? all : this.sql`${all} AND ${part}`),
      this.sql`true`,
    );
  }

  async listByIds(ids: readonly number[]): Promise<DeliveryListItem[]> {
    const wanted = ids.filter((id) => Number.isSafeInteger(id));
    if (wanted.length === 0) return [];
    const rows = await this.sql<DeliveryListRow[]>`
      SELECT ${this.listColumns} FROM deliveries WHERE id = ANY(${wanted}::bigint[]) ORDER BY id`;
    return rows.map(toListItem);
  }

  async lastId(): Promise<number> {
    const [row] = await this.sql<{ n: number | null }[]>`SELECT max(id) AS n FROM deliveries`;
    return row?.n ?? 0;
  }

  async count(inbox?: string): Promise<number> {
    const where = inbox === undefined ? this.sql`true` : this.sql`inbox = ${pgText(inbox)}`;
    const [row] = await this.sql<{ n: number }[]>`SELECT count(*) AS n FROM deliveries WHERE ${where}`;
    return row?.n ?? 0;
  }

  async get(id: number): Promise<StoredDelivery | null> {
    // Not an id any row has; the bigint parameter would refuse it.
    if (!Number.isSafeInteger(id)) return null;
    // Columns shaped as SQLite's, so storedFromRow maps both engines' rows.
    const [row] = await this.sql<DeliveryRow[]>`
      SELECT d.id, (extract(epoch FROM d.received_at) * 1000)::bigint AS received_at, d.inbox, d.method, d.path,
        d.query, d.headers::text AS headers, d.remote_address, d.body, d.body_size, d.body_omitted::integer AS body_omitted,
        d.response_status, d.response_body, d.problem, d.duplicate_of, d.platform, d.kind, d.update_id, d.user_id,
        d.user_name, d.user_username, d.user_language, d.chat_id, d.chat_type, d.text,
        i.outcome AS inv_outcome, i.profile_id AS inv_profile_id, i.command AS inv_command,
        i.user_id AS inv_user_id, i.options AS inv_options, i.params::text AS inv_params, i.reason AS inv_reason,
        i.check_code AS inv_check, i.logs::text AS inv_logs, i.sent::text AS inv_sent,
        i.duration_ms AS inv_duration_ms, i.response_truncated::integer AS inv_response_truncated
      FROM deliveries d LEFT JOIN invocations i ON i.delivery_id = d.id
      WHERE d.id = ${id}`;
    return row ? storedFromRow(row) : null;
  }

  async replaySources(ids: readonly number[]): Promise<Map<number, ReplaySource>> {
    const found = new Map<number, ReplaySource>();
    const wanted = ids.filter((id) => Number.isSafeInteger(id));
    if (wanted.length === 0) return found;
    const rows = await this.sql<{ id: number; headers: string; body: Buffer; body_omitted: number }[]>`
      SELECT id, headers::text AS headers, body, body_omitted::integer AS body_omitted
      FROM deliveries WHERE id = ANY(${wanted}::bigint[])`;
    for (const row of rows) found.set(row.id, sourceFromRow(row));
    return found;
  }

  /**
   * Retention, as SQLite's: an inbox's deliveries beyond the newest
   * `keepCount` and those received before `olderThan` (ms) go; invocations
   * and first_updates claims go with them (cascade) and their duplicates'
   * links are cleared (ON DELETE SET NULL), the duplicates keeping their
   * problem.
   *
   * SQLite then takes the oldest surviving accepted copy of such an update,
   * now unlinked, as its first copy: a later copy is its duplicate. The
   * same copy claims the update again here, so both engines agree.
   */
  async prune(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number> {
    const name = pgText(inbox);
    return this.sql.begin(async (tx) => {
      const gone = await tx<{ update_id: number | null }[]>`
        DELETE FROM deliveries WHERE inbox = ${name} AND ${retentionCut(tx, name, keepCount, olderThan)}
        RETURNING update_id`;
      const updates = [...new Set(gone.flatMap((r) => (r.update_id === null ? [] : [r.update_id])))];
      if (updates.length > 0) {
        // In key order, as settleFirstCopies claims: a prune and a group commit queue for keys in one order.
        await tx`
          INSERT INTO first_updates (inbox, update_id, delivery_id)
          SELECT DISTINCT ON (update_id) inbox, update_id, id FROM deliveries
          WHERE inbox = ${name} AND update_id = ANY(${updates}::bigint[])
            AND duplicate_of IS NULL AND response_status < 300
          ORDER BY update_id, id
          ON CONFLICT DO NOTHING`;
      }
      return gone.length;
    });
  }

  /** Is this exact delivery (time, inbox, request line and body bytes) already stored? Imports skip it then. */
  async hasSame(d: NewDelivery): Promise<boolean> {
    const [row] = await this.sql<{ same: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM deliveries
        WHERE received_at = ${iso(d.receivedAt)}::timestamptz AND inbox = ${pgText(d.inbox)}
          AND method = ${pgText(d.method)} AND path = ${pgText(d.path)} AND query = ${pgText(d.query)}
          AND body_size = ${d.bodySize} AND body = ${d.body}
      ) AS same`;
    return row?.same ?? false;
  }

  async maxUpdateId(): Promise<number> {
    const [row] = await this.sql<{ n: number }[]>`SELECT coalesce(max(update_id), 0) AS n FROM deliveries`;
    return row?.n ?? 0;
  }

  /** As SQLite: the latest platform delivery under the number spelling of the id, else under the text one. */
  async seenUser(id: string): Promise<SeenUser | null> {
    for (const spelling of new Set(idVariants(pgText(id)))) {
      const [seen] = await this.sql<SeenUserRow[]>`
        SELECT id, (extract(epoch FROM received_at) * 1000)::bigint AS received_at, user_id, user_name, user_username,
          user_language, chat_id, chat_type FROM deliveries
        WHERE user_id = ${this.sql.json(spelling)} AND platform <> 'signed-link'
        ORDER BY received_at DESC, id DESC LIMIT 1`;
      if (seen) return toSeenUser(seen);
    }
    return null;
  }
}
