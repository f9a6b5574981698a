import { createHash, randomUUID } from 'node:crypto';
import {
  ContractError,
  FAILED_IDS_LISTED,
  REPLAY_DELIVERIES_MAX,
  type ReplayInput,
  type ReplayProgress,
} from '@contract';
import { idsMatching } from '../deliveries/ids-matching';
import type { DeliveryStore, ReplaySource } from '../deliveries/store';
import { describeError } from '../describe-error';
import type { EventHub } from '../events';
import { OutboundPost } from '../http/outbound-post';
import { GroupCommitter } from '../store/group-commit';
import { replayRequest } from './request-for';
import { ReplaySourceReader, SOURCE_CHUNK } from './source-reader';
import type { AttemptStore, NewAttempt } from './store';
import type { ReplayTargetStore } from './target-store';

const TIMEOUT_MS = 10_000;
const PROGRESS_EVERY_MS = 100;

interface Job {
  progress: ReplayProgress;
  cancelled: boolean;
}

type ParsedReplay = Omit<ReplayInput, 'keepHeaders' | 'headers' | 'renumberUpdateId' | 'concurrency'> & {
  keepHeaders: string[];
  headers: Array<[string, string]>;
  renumberUpdateId: boolean;
  concurrency: number;
};

/**
 * Replays run as jobs: bounded concurrency, an optional rate limit, progress
 * pushed as events, cancellable; every attempt stored (in batches) and
 * linked to its original.
 */
export class ReplayJobs {
  private readonly post = new OutboundPost();
  private readonly jobs = new Map<string, Job>();
  private readonly writer: GroupCommitter<NewAttempt, null>;

  constructor(
    private readonly deliveries: DeliveryStore,
    private readonly attempts: AttemptStore,
    private readonly events: EventHub,
    /** A bot profile's webhook secret, for `secretFromProfileId`. */
    private readonly secretOf: (profileId: number) => Promise<string | null>,
    private readonly log: (message: string) => void,
    /** Remembers each job's target for the inbox of what it sends (the dialog offers it again). */
    private readonly targets: ReplayTargetStore | null = null,
  ) {
    this.writer = new GroupCommitter(
      async (batch) => {
        await this.attempts.insertAll(batch);
        return batch.map(() => null);
      },
      () => undefined,
    );
  }

  async start(request: ParsedReplay): Promise<ReplayProgress> {
    let input = request;
    if (request.secretFromProfileId !== undefined) {
      const secret = await this.secretOf(request.secretFromProfileId);
      if (!secret) {
        throw new ContractError(
          'bad-input',
          `Profile #${request.secretFromProfileId} has no webhook secret token to send.`,
        );
      }
      input = { ...request, secretToken: secret };
    }
    if (input.editedBody !== undefined) {
      try {
        JSON.parse(input.editedBody);
      } catch (error) {
        throw new ContractError('bad-input', `editedBody: not valid JSON (${(error as Error).message})`);
      }
    }
    const ids =
      input.deliveryIds ?? (await idsMatching(this.deliveries, input.filter ?? {}, REPLAY_DELIVERIES_MAX));
    if (ids.length === 0) throw new ContractError('bad-input', 'Nothing to replay: no delivery matches.');
    await this.rememberTarget(input.target, ids[0] as number);
    const jobId = randomUUID();
    const job: Job = {
      progress: { jobId, total: ids.length, done: 0, failed: 0, failedIds: [], state: 'running' },
      cancelled: false,
    };
    this.jobs.set(jobId, job);
    this.run(job, ids, input).catch((error: unknown) => {
      // A job that failed outside its own error handling still ends, visibly, instead of hanging at "running".
      this.log(`replay: job ${jobId} failed: ${describeError(error)}`);
      job.progress.state = 'finished';
      this.events.emit('replay.progress', snapshot(job));
    });
    return snapshot(job);
  }

  /** Kept for the inbox of the first delivery sent; a failure to keep it never stops the replay. */
  private async rememberTarget(target: string, firstId: number): Promise<void> {
    if (this.targets === null) return;
    try {
      const first = await this.deliveries.get(firstId);
      if (first) await this.targets.remember(first.inbox, target, Date.now());
    } catch (error) {
      this.log(`replay: could not remember the target ${target}: ${describeError(error)}`);
    }
  }

  cancel(jobId: string): ReplayProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new ContractError('not-found', `There is no replay job ${jobId}.`);
    job.cancelled = true;
    return snapshot(job);
  }

  async stop(): Promise<void> {
    for (const job of this.jobs.values()) job.cancelled = true;
    await this.writer.flush();
    await this.post.close();
  }

  private async run(job: Job, ids: number[], input: ParsedReplay): Promise<void> {
    let next = 0;
    let lastPush = 0;
    let updateId = input.renumberUpdateId ? (await this.deliveries.maxUpdateId()) + 1 : null;
    const interval = input.ratePerSecond ? 1000 / input.ratePerSecond : 0;
    let nextStart = Date.now();
    const push = (force: boolean) => {
      const now = Date.now();
      if (!force && now - lastPush < PROGRESS_EVERY_MS) return;
      lastPush = now;
      this.events.emit('replay.progress', snapshot(job));
    };
    // A chunk no larger than what is in flight at once: memory stays as it was before chunks,
    // and a slow, rate-limited job does not hold bodies long before sending them.
    const sources = new ReplaySourceReader(this.deliveries, ids, Math.min(SOURCE_CHUNK, input.concurrency));
    const worker = async () => {
      while (!job.cancelled && next < ids.length) {
        const index = next++;
        const id = ids[index] as number;
        // Asked for as the index is taken, so the reader sees indexes in order. A failed read
        // is seen by the await below; until then (a rate limit's wait, a cancel) it must not
        // count as an unhandled rejection.
        const source = sources.at(index);
        source.catch(() => undefined);
        const renumberTo = updateId === null ? null : updateId++;
        if (interval > 0) {
          const wait = nextStart - Date.now();
          nextStart = Math.max(nextStart, Date.now()) + interval;
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (job.cancelled) break;
        }
        const ok = await this.replayOne(job.progress.jobId, id, await source, input, renumberTo);
        job.progress.done += 1;
        if (!ok) {
          job.progress.failed += 1;
          if (job.progress.failedIds.length < FAILED_IDS_LISTED) job.progress.failedIds.push(id);
        }
        push(false);
      }
    };
    await Promise.all(Array.from({ length: Math.min(input.concurrency, ids.length) }, worker));
    await this.writer.flush();
    job.progress.state = job.cancelled ? 'cancelled' : 'finished';
    push(true);
  }

  /** One attempt; true when the target answered 2xx. */
  private async replayOne(
    jobId: string,
    deliveryId: number,
    row: ReplaySource | null,
    input: ParsedReplay,
    updateId: number | null,
  ): Promise<boolean> {
    const started = Date.now();
    const record = (
      fields: Partial<NewAttempt>,
      body: Buffer | null,
      sent?: ReturnType<typeof replayRequest>,
    ) =>
      void this.writer
        .add({
          deliveryId,
          jobId,
          target: input.target,
          status: null,
          error: null,
          durationMs: Date.now() - started,
          responseHeaders: [],
          responseBody: '',
          responseTruncated: false,
          sentBodySha256: body ? createHash('sha256').update(body).digest('hex') : '',
          sentHeaders: sent === undefined ? [] : Object.entries(sent.headers),
          // The original bytes need no second copy: only a body that differs is kept.
          sentBody:
            sent === undefined || sent.body.equals(row?.body ?? Buffer.alloc(0))
              ? null
              : sent.body.toString('utf8'),
          sentAt: started,
          ...fields,
        })
        .catch((error: unknown) =>
          this.log(`replay: could not store an attempt on #${deliveryId}: ${describeError(error)}`),
        );
    if (!row) {
      record({ error: `Delivery #${deliveryId} no longer exists.` }, null);
      return false;
    }
    if (row.bodyOmitted) {
      record({ error: 'The body was over the size limit and was not kept: nothing to send.' }, null);
      return false;
    }
    let prepared: ReturnType<typeof replayRequest>;
    try {
      prepared = replayRequest(row, { ...input, updateId });
    } catch (error) {
      record({ error: (error as Error).message }, null);
      return false;
    }
    const result = await this.post.send(input.target, prepared.body, prepared.headers, TIMEOUT_MS);
    record(
      {
        status: result.status,
        error: result.error,
        responseHeaders: result.headers,
        responseBody: result.body,
        responseTruncated: result.truncated,
      },
      prepared.body,
      prepared,
    );
    return result.status !== null && result.status >= 200 && result.status < 300;
  }
}

/** A copy to hand out: the job's own arrays go on changing. */
const snapshot = (job: Job): ReplayProgress => ({ ...job.progress, failedIds: [...job.progress.failedIds] });
