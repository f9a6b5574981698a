import type { ReplayAttempt } from '@contract';
import type { Sql } from '../store/pg/connect';
import { pgJson, pgText, pgTextOrNull } from '../store/pg/text-value';
import type { AttemptStore, NewAttempt } from './store';

interface AttemptRow {
  id: number;
  delivery_id: number;
  job_id: string;
  target: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
  response_headers: Array<[string, string]>;
  response_body: string;
  response_truncated: boolean;
  sent_body_sha256: string;
  sent_headers: Array<[string, string]>;
  sent_body: string | null;
  sent_at: Date;
}

/** Attempts in PostgreSQL, shared by every replica. */
export class PgAttemptStore implements AttemptStore {
  constructor(private readonly sql: Sql) {}

  /**
   * One statement for any number of attempts: each column goes as one array
   * and unnest turns them back into rows, in order (so ids ascend as given).
   * Its text never changes with the count, so one prepared statement serves
   * every batch, and no batch runs into the 65535-parameter limit.
   */
  async insertAll(attempts: NewAttempt[]): Promise<void> {
    if (attempts.length === 0) return;
    const column = <T>(pick: (a: NewAttempt) => T) => attempts.map(pick);
    await this.sql`
      INSERT INTO replay_attempts (delivery_id, job_id, target, status, error, duration_ms, response_headers,
        response_body, response_truncated, sent_body_sha256, sent_headers, sent_body, sent_at)
      SELECT delivery_id, job_id, target, status, error, duration_ms, response_headers::jsonb,
        response_body, response_truncated, sent_body_sha256, sent_headers::jsonb, sent_body, sent_at
      FROM unnest(
        ${column((a) => a.deliveryId)}::bigint[], ${column((a) => pgText(a.jobId))}::text[],
        ${column((a) => pgText(a.target))}::text[], ${column((a) => a.status)}::integer[],
        ${column((a) => pgTextOrNull(a.error))}::text[], ${column((a) => a.durationMs)}::integer[],
        ${column((a) => JSON.stringify(pgJson(a.responseHeaders)))}::text[],
        ${column((a) => pgText(a.responseBody))}::text[],
        ${this.sql.array(column((a) => a.responseTruncated))}::boolean[],
        ${column((a) => a.sentBodySha256)}::text[],
        ${column((a) => JSON.stringify(pgJson(a.sentHeaders ?? [])))}::text[],
        ${column((a) => pgTextOrNull(a.sentBody))}::text[],
        ${column((a) => new Date(a.sentAt).toISOString())}::timestamptz[]
      ) WITH ORDINALITY AS a (delivery_id, job_id, target, status, error, duration_ms, response_headers,
        response_body, response_truncated, sent_body_sha256, sent_headers, sent_body, sent_at, n)
      ORDER BY n`;
  }

  async list(deliveryId: number): Promise<ReplayAttempt[]> {
    const rows = await this.sql<AttemptRow[]>`
      SELECT * FROM replay_attempts WHERE delivery_id = ${deliveryId} ORDER BY id DESC LIMIT 200`;
    return rows.map((r) => ({
      id: r.id,
      deliveryId: r.delivery_id,
      jobId: r.job_id,
      target: r.target,
      status: r.status,
      error: r.error,
      durationMs: r.duration_ms,
      responseHeaders: r.response_headers,
      responseBody: r.response_body,
      responseTruncated: r.response_truncated,
      sentBodySha256: r.sent_body_sha256,
      sentHeaders: r.sent_headers,
      sentBody: r.sent_body,
      sentAt: r.sent_at.toISOString(),
    }));
  }
}
