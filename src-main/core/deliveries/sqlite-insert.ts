import type { DeliveryListItem } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { NewDelivery } from './records';
import { keyMs } from './time-key';
import { toListItem } from './to-contract';

/**
 * Writing deliveries to SQLite: one transaction per batch (the group
 * commit), duplicates linked to their first copy. Their search index is
 * written apart (sqlite-search-index.ts). Used on the writer thread when the
 * app runs, and directly by tools and tests.
 */
export class SqliteInserter {
  private readonly insert: Statement;
  private readonly firstCopy: Statement<[string, number], { id: number }>;
  private readonly insertInvocation: Statement;
  private readonly batch: (rows: NewDelivery[]) => Inserted[];

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO deliveries (
        received_at, inbox, method, path, query, headers, remote_address, body, body_size, body_omitted,
        response_status, response_body, problem, duplicate_of, platform, kind, update_id,
        user_id, user_name, user_username, user_language, chat_id, chat_type, text, sort_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        -- The next key of that millisecond (time-key.ts): one seek in the key's own index. The
        -- millisecond (the last three values) comes as a double (JavaScript's number): integer
        -- arithmetic keeps the key exact.
        (SELECT coalesce(max(sort_key) + 1, CAST(? AS INTEGER) * 1048576) FROM deliveries
         WHERE sort_key BETWEEN CAST(? AS INTEGER) * 1048576 AND CAST(? AS INTEGER) * 1048576 + 1048575))`);
    this.firstCopy = db.prepare(
      // Only an accepted copy counts as the first: a 404 before the inbox existed does not.
      'SELECT id FROM deliveries WHERE inbox = ? AND update_id = ? AND duplicate_of IS NULL AND response_status < 300 ORDER BY id LIMIT 1',
    );
    this.insertInvocation = db.prepare(
      `INSERT INTO invocations (delivery_id, profile_id, command, user_id, options, params, outcome, reason, check_code, logs, sent, duration_ms, response_truncated)
       VALUES (@deliveryId, @profileId, @command, @userId, @options, @params, @outcome, @reason, @check, @logs, @sent, @durationMs, @responseTruncated)`,
    );
    // One transaction for a whole batch: this is the group commit.
    this.batch = db.transaction((rows: NewDelivery[]) => rows.map((row) => this.insertOne(row)));
  }

  /** Inserts the rows in one transaction; returns them as the list shows them. */
  insertBatch(rows: NewDelivery[]): DeliveryListItem[] {
    const inserted = this.batch(rows);
    return rows.map((row, i) => listItemOf(row, inserted[i] as Inserted));
  }

  /** The same, returning only what the insert decided: the writer thread's caller has the rest. */
  commitBatch(rows: NewDelivery[]): Inserted[] {
    return this.batch(rows);
  }

  private insertOne(row: NewDelivery): Inserted {
    const { summary } = row;
    const duplicateOf =
      summary.updateId === null || row.responseStatus >= 300
        ? null
        : (this.firstCopy.get(row.inbox, summary.updateId)?.id ?? null);
    const problem = problemOf(row, duplicateOf);
    const ms = keyMs(row.receivedAt);
    // Positional, in the columns' order, the millisecond once for each of its three places: binding by
    // name cost a quarter of the insert (4 µs a row), and a subquery naming it once cost 2 µs more.
    const result = this.insert.run(
      row.receivedAt,
      row.inbox,
      row.method,
      row.path,
      row.query,
      JSON.stringify(row.headers),
      row.remoteAddress,
      row.body,
      row.bodySize,
      row.bodyOmitted ? 1 : 0,
      row.responseStatus,
      row.responseBody,
      problem,
      duplicateOf,
      summary.platform,
      summary.kind,
      summary.updateId,
      summary.user?.id ?? null,
      summary.user?.name ?? null,
      summary.user?.username ?? null,
      summary.user?.language ?? null,
      summary.chat?.id ?? null,
      summary.chat?.type ?? null,
      summary.text,
      ms,
      ms,
      ms,
    );
    const id = Number(result.lastInsertRowid);
    if (row.invocation) {
      const inv = row.invocation;
      this.insertInvocation.run({
        deliveryId: id,
        profileId: inv.profileId,
        command: inv.command,
        userId: inv.userId,
        options: inv.options,
        params: JSON.stringify(inv.params),
        outcome: inv.outcome,
        reason: inv.reason,
        check: inv.check,
        logs: JSON.stringify(inv.logs),
        sent: JSON.stringify(inv.sent),
        durationMs: inv.durationMs,
        responseTruncated: inv.responseTruncated ? 1 : 0,
      });
    }
    return { id, duplicateOf };
  }
}

/** What the insert decided for a row: its id and, for a duplicate, its first copy's. */
export interface Inserted {
  id: number;
  duplicateOf: number | null;
}

/** A copy of an update already stored is a duplicate, whatever else it was. */
const problemOf = (row: NewDelivery, duplicateOf: number | null) =>
  duplicateOf !== null ? 'duplicate' : row.problem;

/** A row as the list shows it once inserted. */
export function listItemOf(row: NewDelivery, { id, duplicateOf }: Inserted): DeliveryListItem {
  const { summary } = row;
  return toListItem({
    id,
    received_at: row.receivedAt,
    inbox: row.inbox,
    method: row.method,
    path: row.path,
    response_status: row.responseStatus,
    problem: problemOf(row, duplicateOf),
    duplicate_of: duplicateOf,
    body_size: row.bodySize,
    platform: summary.platform,
    kind: summary.kind,
    update_id: summary.updateId,
    user_id: summary.user?.id ?? null,
    user_name: summary.user?.name ?? null,
    user_username: summary.user?.username ?? null,
    user_language: summary.user?.language ?? null,
    chat_id: summary.chat?.id ?? null,
    chat_type: summary.chat?.type ?? null,
    text: summary.text,
  });
}
