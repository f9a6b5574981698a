import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { RecordError } from './record';

/** Past this a HAR file is refused: it is parsed whole, and NDJSON streams. */
export const MAX_HAR_BYTES = 256 * 1024 * 1024;
/** The parsing worker's heap: a HAR expands several times once parsed. */
const WORKER_HEAP_MB = 2048;
const ENTRIES_PER_MESSAGE = 100;

interface WorkerMessage {
  error?: string;
  entries?: unknown[];
  done?: boolean;
}

/**
 * Runs inside the worker: parses the whole HAR (a 30 MB file takes hundreds
 * of milliseconds that the receiver must not wait for) and hands its entries
 * over a batch at a time, each after the importer asks for more, so the
 * main thread never holds more than one batch. Self-contained on purpose: it
 * is started from its source text, which runs the same under the test runner
 * and in the bundled app.
 */
function harWorker(): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  const { readFileSync } = process.getBuiltinModule('node:fs');
  const port = parentPort;
  if (!port) return;
  const { path, perMessage } = workerData as { path: string; perMessage: number };
  let entries: unknown[];
  try {
    const har = JSON.parse(readFileSync(path, 'utf8')) as { log?: { entries?: unknown } } | null;
    const found = har?.log?.entries;
    if (!Array.isArray(found)) {
      port.postMessage({ error: 'not a HAR log: log.entries is missing' });
      return;
    }
    entries = found;
  } catch {
    port.postMessage({ error: 'The file is not JSON, so not a HAR log.' });
    return;
  }
  let next = 0;
  const send = () => {
    const batch = entries.slice(next, next + perMessage);
    next += batch.length;
    port.postMessage({ entries: batch, done: next >= entries.length });
    if (next >= entries.length) port.close();
  };
  port.on('message', send);
  send();
}

const WORKER_SOURCE = `(${harWorker.toString()})()`;

/** The entries of a HAR log, parsed off the main thread, a batch at a time. */
export async function* harEntries(path: string): AsyncGenerator<unknown[]> {
  if (statSync(path).size > MAX_HAR_BYTES) {
    throw new RecordError(`The HAR file is over ${MAX_HAR_BYTES / 1024 / 1024} MiB; export NDJSON instead.`);
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, perMessage: ENTRIES_PER_MESSAGE },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: string | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = /memory/i.test(error.message)
      ? 'The HAR file is too large to read at once; export NDJSON instead.'
      : `The HAR file could not be read: ${error.message}`;
    notify();
  });
  worker.on('exit', () => {
    failure ??= 'The HAR reader stopped early.';
    notify();
  });
  try {
    for (;;) {
      const message = inbox.shift();
      if (message === undefined) {
        if (failure !== null) throw new RecordError(failure);
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (message.error !== undefined) throw new RecordError(message.error);
      yield message.entries ?? [];
      if (message.done) return;
      worker.postMessage('more');
    }
  } finally {
    // Stopping early (a bad entry, or the job ended) leaves nothing running.
    worker.terminate().catch(() => undefined);
  }
}
