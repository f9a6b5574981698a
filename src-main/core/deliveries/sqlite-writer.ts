import { Worker } from 'node:worker_threads';
import type { DeliveryListItem } from '@contract';
import type { NewDelivery } from './records';
import { listItemOf } from './sqlite-insert';
// Bundled as its own file by electron-vite (and by the test config's stand-in); this is its path.
import workerPath from './sqlite-writer-worker?modulePath';
import type { FromWriter, ToWriter, WriterSetup } from './writer-messages';
import { toWire } from './writer-wire';

interface Pending {
  /** Kept here: the thread answers with ids, and the list items are made of these. */
  rows: NewDelivery[];
  resolve: (items: DeliveryListItem[]) => void;
  reject: (error: Error) => void;
}

/** How long indexedTo waits at most: the index is normally a step (milliseconds) behind. */
const INDEX_WAIT_LIMIT_MS = 3000;

/** A failure on the writer thread, with SQLite's code when it had one (SQLITE_FULL, SQLITE_BUSY…). */
export class WriterError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'WriterError';
  }
}

/**
 * The main thread's side of the writer thread: batches go over, and once
 * committed their ids come back, of which (with the rows kept here) the
 * list items are made. A thread that dies fails what it had in hand
 * (the receiver answers 503 and the platforms retry) and is started again.
 */
export class SqliteWriter {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closing: Promise<void> | null = null;
  /** The highest delivery id search can find: what the thread has indexed. */
  indexedUpTo = 0;
  /** Callers of indexedTo, each until the index reaches its id (or gives up). */
  private readonly indexWaiters = new Set<{ upTo: number; done: () => void }>();

  private constructor(
    private readonly setup: WriterSetup,
    private readonly log: (message: string) => void,
  ) {
    this.worker = this.spawn();
  }

  static async start(setup: WriterSetup, log: (message: string) => void): Promise<SqliteWriter> {
    const writer = new SqliteWriter(setup, log);
    await writer.ready();
    return writer;
  }

  insertAll(rows: NewDelivery[]): Promise<DeliveryListItem[]> {
    if (this.closing) return Promise.reject(new WriterError('The writer is closing.', null));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Posted first: a batch that cannot be sent (cloned) fails here, and is not left pending.
      this.post({ type: 'insert', id, rows: rows.map(toWire) });
      this.pending.set(id, { rows, resolve, reject });
    });
  }

  /**
   * Resolves once search can find every delivery up to `id`: the thread
   * indexes at once, ahead of waiting inserts. Never rejects, and gives up
   * after `withinMs` (a deleted row may keep the mark below `id`): what is
   * indexed by then is what a search sees.
   */
  indexedTo(id: number, withinMs = INDEX_WAIT_LIMIT_MS): Promise<void> {
    if (this.indexedUpTo >= id || this.closing !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        upTo: id,
        done: () => {
          clearTimeout(timer);
          this.indexWaiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.done, withinMs);
      this.indexWaiters.add(waiter);
      this.post({ type: 'index-now' });
    });
  }

  /** Lets what was sent be committed and indexed, then ends the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: FromWriter) => {
        if (message.type !== 'ready') return;
        this.worker.off('message', onMessage);
        this.worker.off('error', reject);
        resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(workerPath, { workerData: this.setup });
    worker.on('message', (message: FromWriter) => this.receive(message));
    worker.on('error', (error) => this.log(`writer: the thread failed: ${error.message}`));
    worker.on('exit', (code) => {
      this.failAll(`The writer thread stopped (exit ${code}).`);
      if (this.closing === null) {
        this.log('writer: the thread stopped; starting another');
        this.worker = this.spawn();
      }
    });
    return worker;
  }

  private receive(message: FromWriter): void {
    switch (message.type) {
      case 'inserted': {
        const found = this.settle(message.id);
        const { ids, firstCopies } = message;
        // Committed, whatever happens here: a row that cannot be shown still settles its caller.
        try {
          found?.resolve(
            found.rows.map((row, i) =>
              listItemOf(row, { id: ids[i] as number, duplicateOf: firstCopies[i] ?? null }),
            ),
          );
        } catch (error) {
          found?.reject(error as Error);
        }
        break;
      }
      case 'failed':
        this.settle(message.id)?.reject(new WriterError(message.message, message.code));
        break;
      case 'ready':
      case 'indexed':
        this.indexedUpTo = Math.max(
          this.indexedUpTo,
          message.type === 'ready' ? message.indexedUpTo : message.upTo,
        );
        // A waiter still short of its id waits for the next step: a capped step is followed at once.
        for (const waiter of this.indexWaiters) if (this.indexedUpTo >= waiter.upTo) waiter.done();
        break;
      case 'log':
        this.log(message.message);
        break;
      case 'closed':
        break;
    }
  }

  private settle(id: number): Pending | undefined {
    const found = this.pending.get(id);
    this.pending.delete(id);
    return found;
  }

  private failAll(reason: string): void {
    for (const waiter of this.indexWaiters) waiter.done();
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new WriterError(reason, null));
    }
  }

  private post(message: ToWriter): void {
    this.worker.postMessage(message);
  }
}
