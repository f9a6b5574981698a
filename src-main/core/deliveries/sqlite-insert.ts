import type { DeliveryListItem } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { NewDelivery } from './records';
import { searchableBody } from './searchable-body';
import { toListItem } from './to-contract';

/** What the search index needs of a stored delivery. */
export interface IndexEntry {
  id: number;
  text: string | null;
  body: Buffer;
}

/**
 * Writing deliveries to SQLite: one transaction per batch (the group
 * commit), duplicates linked to their first copy; and, apart from it, their
 * search index. Used on the writer thread when the app runs, and directly by
 * tools and tests.
 */
export class SqliteInserter {
  private readonly insert: Statement;
  private readonly firstCopy: Statement<[string, number], { id: number }>;
  private readonly insertInvocation: Statement;
  private readonly insertFts: Statement;
  private readonly batch: (rows: NewDelivery[]) => DeliveryListItem[];
  private readonly indexBatch: (entries: readonly IndexEntry[]) => void;
  private readonly unindexed: Statement<[number], { id: number; text: string | null; body: Buffer }>;
  private readonly indexedUpTo: Statement<[], { n: number | null }>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO deliveries (
        received_at, inbox, method, path, query, headers, remote_address, body, body_size, body_omitted,
        response_status, response_body, problem, duplicate_of, platform, kind, update_id,
        user_id, user_name, user_username, user_language, chat_id, chat_type, text)
      VALUES (@receivedAt, @inbox, @method, @path, @query, @headers, @remoteAddress, @body, @bodySize,
        @bodyOmitted, @responseStatus, @responseBody, @problem, @duplicateOf, @platform, @kind, @updateId,
        @userId, @userName, @userUsername, @userLanguage, @chatId, @chatType, @text)`);
    this.firstCopy = db.prepare(
      // Only an accepted copy counts as the first: a 404 before the inbox existed does not.
      'SELECT id FROM deliveries WHERE inbox = ? AND update_id = ? AND duplicate_of IS NULL AND response_status < 300 ORDER BY id LIMIT 1',
    );
    this.insertInvocation = db.prepare(
      `INSERT INTO invocations (delivery_id, profile_id, command, user_id, options, params, outcome, reason, check_code, logs, sent, duration_ms, response_truncated)
       VALUES (@deliveryId, @profileId, @command, @userId, @options, @params, @outcome, @reason, @check, @logs, @sent, @durationMs, @responseTruncated)`,
    );
    this.insertFts = db.prepare('INSERT INTO deliveries_fts (rowid, text, body) VALUES (?, ?, ?)');
    this.unindexed = db.prepare('SELECT id, text, body FROM deliveries WHERE id > ? ORDER BY id LIMIT 500');
    this.indexedUpTo = db.prepare('SELECT max(rowid) AS n FROM deliveries_fts');
    // One transaction for a whole batch: this is the group commit.
    this.batch = db.transaction((rows: NewDelivery[]) => rows.map((row) => this.insertOne(row)));
    this.indexBatch = db.transaction((entries: readonly IndexEntry[]) => {
      for (const e of entries) this.insertFts.run(e.id, e.text ?? '', searchableBody(e.body));
    });
  }

  insertBatch(rows: NewDelivery[]): DeliveryListItem[] {
    return this.batch(rows);
  }

  /** Makes these deliveries searchable; a separate transaction, so it never holds up an answer. */
  index(entries: readonly IndexEntry[]): void {
    if (entries.length > 0) this.indexBatch(entries);
  }

  /** The highest delivery id the search index holds. */
  indexedThrough(): number {
    return this.indexedUpTo.get()?.n ?? 0;
  }

  /**
   * Indexes what was stored but not indexed (a crash between the commit and
   * the index): everything above the index's highest row. Returns how many.
   */
  catchUp(): number {
    let done = 0;
    for (;;) {
      const rows = this.unindexed.all(this.indexedUpTo.get()?.n ?? 0);
      if (rows.length === 0) return done;
      this.index(rows);
      done += rows.length;
    }
  }

  private insertOne(row: NewDelivery): DeliveryListItem {
    const { summary } = row;
    const duplicateOf =
      summary.updateId === null || row.responseStatus >= 300
        ? null
        : (this.firstCopy.get(row.inbox, summary.updateId)?.id ?? null);
    const problem = duplicateOf !== null ? 'duplicate' : row.problem;
    const result = this.insert.run({
      receivedAt: row.receivedAt,
      inbox: row.inbox,
      method: row.method,
      path: row.path,
      query: row.query,
      headers: JSON.stringify(row.headers),
      remoteAddress: row.remoteAddress,
      body: row.body,
      bodySize: row.bodySize,
      bodyOmitted: row.bodyOmitted ? 1 : 0,
      responseStatus: row.responseStatus,
      responseBody: row.responseBody,
      problem,
      duplicateOf,
      platform: summary.platform,
      kind: summary.kind,
      updateId: summary.updateId,
      userId: summary.user?.id ?? null,
      userName: summary.user?.name ?? null,
      userUsername: summary.user?.username ?? null,
      userLanguage: summary.user?.language ?? null,
      chatId: summary.chat?.id ?? null,
      chatType: summary.chat?.type ?? null,
      text: summary.text,
    });
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
    return toListItem({
      id,
      received_at: row.receivedAt,
      inbox: row.inbox,
      method: row.method,
      path: row.path,
      response_status: row.responseStatus,
      problem,
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
}
