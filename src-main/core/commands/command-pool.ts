import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describeError } from '../describe-error';
import type { CheckedRun } from './checked-run';
// Bundled as its own file by electron-vite (and by the test config's stand-in); this is its path.
import workerPath from './command-worker?modulePath';
import { type CommandLimits, DEFAULT_LIMITS, memoryLimitReason, timeoutReason } from './limits';
import type { CommandScope } from './runtime';
import type { RunJob, WorkerMessage, WorkerSetup } from './worker-messages';

export interface CommandPoolOptions {
  /** Commands running at once, each on its own thread. Default: one core left to the receiver, at most 2. */
  workers?: number;
  /** Hits waiting for a worker; beyond them a hit is answered busy. Default 4. */
  queue?: number;
  limits?: CommandLimits;
  /** Wall time after which a worker still running a command is terminated. Default: the CPU limit + 500 ms. */
  watchdogMs?: number;
  log?: (message: string) => void;
}

/** No worker and no place in the queue: the caller answers 429 with `Retry-After`. */
export interface Busy {
  ok: false;
  busy: true;
  reason: string;
  retryAfterSeconds: number;
  logs: string[];
}

export type PoolResult = CheckedRun | Busy;

export interface PoolStats {
  workers: Array<{ threadId: number; ready: boolean; running: boolean; heapBytes: number }>;
  queued: number;
  /** Workers started since the pool was made: replacements show here. */
  started: number;
}

interface Job {
  id: number;
  body: string;
  scope: CommandScope;
  resolve: (result: PoolResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  gone: boolean;
  job: Job | null;
  watchdog: NodeJS.Timeout | null;
  heapBytes: number;
}

/** A worker whose heap grew past this after a run is replaced: a WASM heap never shrinks. */
const RECYCLE_ABOVE_BYTES = 24 * 1024 * 1024;

export const defaultWorkers = (): number => Math.max(1, Math.min(2, availableParallelism() - 1));

/**
 * Runs commands off the main thread: a bounded set of worker threads, a small
 * bounded queue, and a wall-clock watchdog that terminates a worker whose
 * command overruns (QuickJS checks its deadline only between bytecodes, so a
 * long native call can outlast it). A terminated or grown worker is replaced.
 * `run` never rejects.
 */
export class CommandPool {
  private readonly size: number;
  private readonly queueLimit: number;
  private readonly limits: CommandLimits;
  private readonly watchdogMs: number;
  private readonly log: (message: string) => void;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private started = 0;
  private closed = false;
  /** A worker failed to start since one last did: start no more until a new hit asks (no respawn loop). */
  private startBroken = false;

  constructor(options: CommandPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? defaultWorkers());
    this.queueLimit = Math.max(0, options.queue ?? 4);
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.watchdogMs = options.watchdogMs ?? this.limits.cpuMs + 500;
    this.log = options.log ?? (() => {});
  }

  /** Starts one worker ahead of the first hit, so the first run does not wait for the engine to load. */
  warmUp(): void {
    if (!this.closed && this.slots.size === 0) this.spawn();
  }

  run(body: string, scope: CommandScope): Promise<PoolResult> {
    if (this.closed) return Promise.resolve(stopping());
    const running = [...this.slots].filter((slot) => slot.job !== null).length;
    if (running + this.waiting.length >= this.size + this.queueLimit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(this.watchdogMs / 1000));
      return Promise.resolve({
        ok: false,
        busy: true,
        reason: `Every command worker is busy and ${this.queueLimit} hits are waiting; try again in ${retryAfterSeconds} s.`,
        retryAfterSeconds,
        logs: [],
      });
    }
    this.startBroken = false;
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, body, scope, resolve });
      this.pump();
    });
  }

  stats(): PoolStats {
    return {
      workers: [...this.slots].map((slot) => ({
        threadId: slot.worker.threadId,
        ready: slot.ready,
        running: slot.job !== null,
        heapBytes: slot.heapBytes,
      })),
      queued: this.waiting.length,
      started: this.started,
    };
  }

  /** Answers whatever is waiting or running as stopped, and terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.resolve(stopping());
    const slots = [...this.slots];
    for (const slot of slots) {
      if (slot.job) this.finish(slot, stopping());
    }
    await Promise.all(slots.map((slot) => this.retire(slot)));
  }

  /** Hands waiting jobs to idle workers, and starts workers while there is work and room. */
  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.waiting.length === 0) break;
      if (slot.ready && slot.job === null) this.dispatch(slot, this.waiting.shift() as Job);
    }
    if (this.startBroken) return;
    const starting = [...this.slots].filter((slot) => !slot.ready).length;
    let missing = Math.min(this.size - this.slots.size, this.waiting.length - starting);
    while (missing-- > 0) this.spawn();
  }

  private spawn(): void {
    const setup: WorkerSetup = { limits: this.limits };
    let worker: Worker;
    try {
      worker = new Worker(workerPath, {
        workerData: setup,
        // The JS heap of the worker: the command's result passes through it as text and as a value.
        resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      });
    } catch (error) {
      this.startFailed(error);
      return;
    }
    this.started += 1;
    const slot: Slot = { worker, ready: false, gone: false, job: null, watchdog: null, heapBytes: 0 };
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onExit(slot, error));
    worker.on('exit', (code) => this.onExit(slot, new Error(`The command worker exited (code ${code}).`)));
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.gone) return;
    slot.heapBytes = message.heapBytes;
    if (message.type === 'ready') {
      slot.ready = true;
      this.startBroken = false;
      this.pump();
      if (slot.job === null) slot.worker.unref();
      return;
    }
    if (slot.job?.id !== message.id) return;
    this.finish(slot, message.result);
    if (slot.heapBytes > RECYCLE_ABOVE_BYTES) this.replace(slot);
    else this.pump();
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    // A worker with work keeps the process alive until it answers; an idle one does not.
    slot.worker.ref();
    slot.watchdog = setTimeout(() => {
      this.finish(slot, { ok: false, reason: timeoutReason(this.limits.cpuMs), logs: [] });
      this.replace(slot);
    }, this.watchdogMs);
    const message: RunJob = { id: job.id, body: job.body, scope: job.scope };
    try {
      slot.worker.postMessage(message);
    } catch (error) {
      this.finish(slot, {
        ok: false,
        reason: `The command's input could not be handed to its worker: ${String(error)}`.slice(0, 500),
        logs: [],
      });
      this.pump();
    }
  }

  private finish(slot: Slot, result: PoolResult): void {
    if (slot.watchdog) clearTimeout(slot.watchdog);
    slot.watchdog = null;
    const job = slot.job;
    slot.job = null;
    if (!slot.gone) slot.worker.unref();
    job?.resolve(result);
  }

  /** A worker died (crash, its JS heap limit, or an exit we did not ask for). */
  private onExit(slot: Slot, error: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots.delete(slot);
    if (slot.job) {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.finish(slot, {
        ok: false,
        reason: outOfMemory ? memoryLimitReason(this.limits) : `The command worker failed: ${error.message}`,
        logs: [],
      });
    }
    if (slot.ready) this.keepWarm();
    else this.startFailed(error);
    this.pump();
  }

  /** A worker could not start: with none ready, what waits might wait forever, so it is answered now. */
  private startFailed(error: unknown): void {
    this.log(`commands: a worker could not start: ${describeError(error)}`);
    this.startBroken = true;
    if ([...this.slots].some((slot) => slot.ready)) return;
    for (const job of this.waiting.splice(0)) {
      job.resolve({ ok: false, reason: 'The command runtime could not start.', logs: [] });
    }
  }

  /** Terminates a worker (overrun, or a grown heap) and starts its replacement at once. */
  private replace(slot: Slot): void {
    void this.retire(slot);
    this.keepWarm();
    this.pump();
  }

  private keepWarm(): void {
    if (!this.closed && !this.startBroken && this.slots.size === 0) this.spawn();
  }

  /** Never rejects: a worker that fails to stop is logged, and is no longer used either way. */
  private retire(slot: Slot): Promise<void> {
    if (slot.gone) return Promise.resolve();
    slot.gone = true;
    this.slots.delete(slot);
    return slot.worker.terminate().then(
      () => undefined,
      (error: unknown) => this.log(`commands: a worker did not stop cleanly: ${describeError(error)}`),
    );
  }
}

const stopping = (): CheckedRun => ({ ok: false, reason: 'The app is stopping.', logs: [] });
