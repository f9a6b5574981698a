// The writer thread: every delivery insert, its commit (and the commit's
// fsync) and the search index run here, on a connection of their own, so
// the event loop that answers platforms never waits for the disk.
import { parentPort, workerData } from 'node:worker_threads';
import type { DeliveryListItem } from '@contract';
import BetterSqlite3 from 'better-sqlite3';
import type { NewDelivery } from './records';
import { type IndexEntry, SqliteInserter } from './sqlite-insert';
import type { FromWriter, ToWriter, WriterSetup } from './writer-messages';

const port = parentPort;
if (!port) throw new Error('sqlite-writer-worker runs as a worker thread.');
const setup = workerData as WriterSetup;
const post = (message: FromWriter) => port.postMessage(message);
const synchronous = setup.durability === 'full' ? 'FULL' : 'NORMAL';

// Migrations ran on the main connection before this thread was started.
const db = new BetterSqlite3(setup.file, setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {});
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const inserter = new SqliteInserter(db);

let backlog: IndexEntry[] = [];
let indexScheduled = false;
let indexedUpTo = 0;

/** Structured clone turns a Buffer into a plain Uint8Array: give the bytes their Buffer back. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The search index, one transaction for everything waiting, after the
 * batches that came in this turn were answered. It is rebuilt from the
 * table after a crash, so it is committed without an fsync of its own.
 */
function indexBacklog(): void {
  indexScheduled = false;
  if (backlog.length === 0) return;
  const entries = backlog;
  backlog = [];
  try {
    db.pragma('synchronous = NORMAL');
    inserter.index(entries);
    indexedUpTo = Math.max(indexedUpTo, ...entries.map((e) => e.id));
    post({ type: 'indexed', upTo: indexedUpTo });
  } catch (error) {
    // Left for the catch-up at the next start; search misses them until then, nothing is lost.
    post({ type: 'log', message: `writer: the search index was not updated: ${String(error)}` });
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}

/** Batches that came while the last transaction ran: committed together, one fsync for all. */
let queued: Array<{ id: number; rows: NewDelivery[] }> = [];
let drainScheduled = false;

function drain(): void {
  drainScheduled = false;
  const batches = queued;
  queued = [];
  if (batches.length === 0) return;
  for (const batch of batches) for (const row of batch.rows) row.body = asBuffer(row.body);
  try {
    const items = inserter.insertBatch(batches.flatMap((b) => b.rows));
    let at = 0;
    for (const batch of batches) {
      post({ type: 'inserted', id: batch.id, items: items.slice(at, at + batch.rows.length) });
      at += batch.rows.length;
    }
    remember(
      batches.flatMap((b) => b.rows),
      items,
    );
  } catch (error) {
    // One batch's failure must not take the others with it: each on its own.
    if (batches.length === 1) fail(batches[0]?.id ?? 0, error);
    else for (const batch of batches) insertAlone(batch);
  }
}

function insertAlone({ id, rows }: { id: number; rows: NewDelivery[] }): void {
  try {
    const items = inserter.insertBatch(rows);
    post({ type: 'inserted', id, items });
    remember(rows, items);
  } catch (error) {
    fail(id, error);
  }
}

/** Committed and answered: the search index takes them when the writer has a moment. */
function remember(rows: NewDelivery[], items: DeliveryListItem[]): void {
  for (const [i, item] of items.entries()) {
    backlog.push({ id: item.id, text: item.summary.text, body: (rows[i] as NewDelivery).body });
  }
  if (!indexScheduled) {
    indexScheduled = true;
    setImmediate(indexBacklog);
  }
}

function fail(id: number, error: unknown): void {
  const code = (error as { code?: unknown }).code;
  post({
    type: 'failed',
    id,
    message: String((error as Error).message ?? error),
    code: typeof code === 'string' ? code : null,
  });
}

inserter.catchUp();
indexedUpTo = inserter.indexedThrough();
port.on('message', (message: ToWriter) => {
  if (message.type === 'insert') {
    queued.push({ id: message.id, rows: message.rows });
    if (!drainScheduled) {
      drainScheduled = true;
      setImmediate(drain);
    }
  } else {
    drain();
    indexBacklog();
    db.close();
    post({ type: 'closed' });
    port.close();
  }
});
post({ type: 'ready', indexedUpTo });
