import type { ReplayAttempt } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { AttemptStore, NewAttempt } from './store';

interface AttemptRow {
  id: number;
  delivery_id: number;
  job_id: string;
  target: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
  response_headers: string;
  response_body: string;
  response_truncated: number;
  sent_body_sha256: string;
  sent_headers: string;
  sent_body: string | null;
  sent_at: number;
}

/**
 * Attempts in SQLite, a batch in one transaction. They are committed
 * without waiting for an fsync (WAL, synchronous NORMAL): they survive the
 * process being killed, but at durability `full` the main connection would
 * otherwise block its event loop on the disk for every batch, and a bulk
 * replay ran at the disk's fsync rate. Power loss may cost the last
 * attempts' records; the deliveries' own promise is untouched.
 */
export class SqliteAttemptStore implements AttemptStore {
  private readonly insert: Statement;
  private readonly forDelivery: Statement<[number], AttemptRow>;
  private readonly insertBatch: (attempts: NewAttempt[]) => void;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO replay_attempts (delivery_id, job_id, target, status, error, duration_ms, response_headers,
         response_body, response_truncated, sent_body_sha256, sent_headers, sent_body, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.forDelivery = db.prepare(
      'SELECT * FROM replay_attempts WHERE delivery_id = ? ORDER BY id DESC LIMIT 200',
    );
    this.insertBatch = db.transaction((attempts: NewAttempt[]) => {
      // Positional: a bulk replay stores thousands a second, and a copied object per row showed.
      for (const a of attempts) {
        this.insert.run(
          a.deliveryId,
          a.jobId,
          a.target,
          a.status,
          a.error,
          a.durationMs,
          JSON.stringify(a.responseHeaders),
          a.responseBody,
          a.responseTruncated ? 1 : 0,
          a.sentBodySha256,
          JSON.stringify(a.sentHeaders ?? []),
          a.sentBody ?? null,
          a.sentAt,
        );
      }
    });
  }

  async insertAll(attempts: NewAttempt[]): Promise<void> {
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      this.insertBatch(attempts);
    } finally {
      this.db.pragma(`synchronous = ${synchronous}`);
    }
  }

  async list(deliveryId: number): Promise<ReplayAttempt[]> {
    return this.forDelivery.all(deliveryId).map((r) => ({
      id: r.id,
      deliveryId: r.delivery_id,
      jobId: r.job_id,
      target: r.target,
      status: r.status,
      error: r.error,
      durationMs: r.duration_ms,
      responseHeaders: JSON.parse(r.response_headers) as Array<[string, string]>,
      responseBody: r.response_body,
      responseTruncated: r.response_truncated === 1,
      sentBodySha256: r.sent_body_sha256,
      sentHeaders: JSON.parse(r.sent_headers) as Array<[string, string]>,
      sentBody: r.sent_body,
      sentAt: new Date(r.sent_at).toISOString(),
    }));
  }
}
