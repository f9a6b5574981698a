import type { DeliveryStore } from '../deliveries/store';
import { describeError } from '../describe-error';
import type { Sql } from '../store/pg/connect';
import type { Forwarder } from './forwarder';

/** How long a replica may take to send one job before another may take it over. */
const LEASE_SECONDS = 30;
const TAKE_AT_ONCE = 8;
const POLL_MS = 500;

interface TapJob {
  id: number;
  delivery_id: number;
  url: string;
  attempts: number;
}

export interface PgTapQueueDeps {
  sql: Sql;
  origin: string;
  deliveries: DeliveryStore;
  forwarder: Forwarder;
  /** Waits before retry 1, 2, …; past the last, the job is given up (every attempt is recorded). */
  retryDelaysMs: readonly number[];
  log: (message: string) => void;
}

/**
 * Tap forwarding on a team server: each forward is a row in tap_jobs, and
 * every replica works the queue (FOR UPDATE SKIP LOCKED, with a lease), so
 * retries survive a replica's death and are taken over by another.
 */
export class PgTapQueue {
  private timer: NodeJS.Timeout | null = null;
  private working: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: PgTapQueueDeps) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  /** Owes a forward of this stored delivery; sent by whichever replica takes it first. */
  async enqueue(deliveryId: number, url: string): Promise<void> {
    await this.deps.sql`INSERT INTO tap_jobs (delivery_id, url) VALUES (${deliveryId}, ${url})`;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.working;
  }

  private kick(): void {
    if (this.stopped || this.working) return;
    this.working = this.drain()
      .catch((error: unknown) =>
        this.deps.log(`forwarding: the tap queue could not be read: ${describeError(error)}`),
      )
      .finally(() => {
        this.working = null;
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const jobs = await this.take();
      if (jobs.length === 0) return;
      await Promise.all(jobs.map((job) => this.work(job)));
    }
  }

  private take(): Promise<TapJob[]> {
    const { sql, origin } = this.deps;
    return sql<TapJob[]>`
      UPDATE tap_jobs SET locked_until = now() + make_interval(secs => ${LEASE_SECONDS}),
        locked_by = ${origin}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM tap_jobs
        WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
        ORDER BY next_attempt_at, id
        LIMIT ${TAKE_AT_ONCE}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, delivery_id, url, attempts`;
  }

  private async work(job: TapJob): Promise<void> {
    const { sql, deliveries, forwarder, retryDelaysMs, log } = this.deps;
    try {
      const delivery = await deliveries.get(job.delivery_id);
      // Pruned meanwhile: there is nothing left to send.
      if (!delivery) {
        await sql`DELETE FROM tap_jobs WHERE id = ${job.id}`;
        return;
      }
      const result = await forwarder.send(job.url, delivery.body, delivery.headers, 10_000);
      await forwarder.attempt(job.delivery_id, 'tap', job.url, delivery.body, result);
      const ok = result.status !== null && result.status >= 200 && result.status < 300;
      const wait = retryDelaysMs[job.attempts - 1];
      if (ok || wait === undefined) {
        await sql`DELETE FROM tap_jobs WHERE id = ${job.id}`;
        return;
      }
      await sql`
        UPDATE tap_jobs SET next_attempt_at = now() + make_interval(secs => ${wait / 1000}),
          locked_until = NULL, locked_by = NULL, last_error = ${result.error ?? `HTTP ${result.status}`}
        WHERE id = ${job.id}`;
    } catch (error) {
      // The lease runs out and the job is taken again: nothing is lost, only delayed.
      log(`forwarding: tap job ${job.id} (delivery #${job.delivery_id}) failed: ${describeError(error)}`);
    }
  }
}
