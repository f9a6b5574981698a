// The writer thread: every delivery insert, its commit (and the commit's
// fsync) and the search index run here, on a connection of their own, so
// the event loop that answers platforms never waits for the disk.
import { parentPort, workerData } from 'node:worker_threads';
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

function insert(id: number, rows: NewDelivery[]): void {
  for (const row of rows) row.body = asBuffer(row.body);
  try {
    const items = inserter.insertBatch(rows);
    post({ type: 'inserted', id, items });
    for (const [i, item] of items.entries()) {
      backlog.push({ id: item.id, text: item.summary.text, body: (rows[i] as NewDelivery).body });
    }
    if (!indexScheduled) {
      indexScheduled = true;
      setImmediate(indexBacklog);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    post({
      type: 'failed',
      id,
      message: String((error as Error).message ?? error),
      code: typeof code === 'string' ? code : null,
    });
  }
}

inserter.catchUp();
indexedUpTo = inserter.indexedThrough();
port.on('message', (message: ToWriter) => {
  if (message.type === 'insert') insert(message.id, message.rows);
  else {
    indexBacklog();
    db.close();
    post({ type: 'closed' });
    port.close();
  }
});
post({ type: 'ready', indexedUpTo });
