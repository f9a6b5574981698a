// The writer thread: every delivery insert, its commit (and the commit's
// fsync) and the search index run here, on a connection of their own, so
// the event loop that answers platforms never waits for the disk.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { IndexPacer } from './index-pacer';
import type { NewDelivery } from './records';
import { type Inserted, SqliteInserter } from './sqlite-insert';
import { SqliteSearchIndexer } from './sqlite-search-index';
import type { FromWriter, ToWriter, WriterSetup } from './writer-messages';
import { fromWire } from './writer-wire';

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
const indexer = new SqliteSearchIndexer(db);

/**
 * Rows per indexing step. A step holds the thread (and so the next commit)
 * for its length: small enough that an acknowledgement waits little behind
 * it, large enough that FTS5 writes a segment per step rather than per row.
 */
const INDEX_STEP = 500;
let indexScheduled = false;
/** Index steps failed in a row (a busy database): the next try waits longer. */
let indexFailures = 0;

function scheduleIndex(): void {
  if (indexScheduled) return;
  indexScheduled = true;
  setImmediate(indexStep);
}

const pacer = new IndexPacer(scheduleIndex);

/** The index's mark, or 0 when even that cannot be read (a failing database): never throws. */
function lastIndexedUpTo(): number {
  try {
    return indexer.indexedUpTo();
  } catch {
    return 0;
  }
}
/** An 'index-now' came: the next step goes ahead of inserts and says how far it got, even if nowhere. */
let indexWanted = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let closed = false;

/**
 * The search index, one step at a time and only while no insert waits:
 * commits go first, and the index catches up in the gaps (and after a
 * restart, in the background, however far behind it is). It is rebuilt
 * from the table after a crash, so it is committed without an fsync.
 */
function indexStep(): void {
  indexScheduled = false;
  if (closed) return;
  // Inserts first, unless someone waits for the index or a flood has left it too far behind.
  if (!pacer.mayStep(queued.length > 0 && !indexWanted)) return;
  const answer = indexWanted;
  indexWanted = false;
  let indexed = 0;
  try {
    db.pragma('synchronous = NORMAL');
    indexed = indexer.indexNext(INDEX_STEP);
  } catch (error) {
    // Tried again a little later (the next commit schedules it sooner); filters read those rows
    // from the table meanwhile, nothing is lost. Said once per run of failures, not per try.
    if (indexFailures++ === 0) {
      post({ type: 'log', message: `writer: the search index was not updated: ${String(error)}` });
    }
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        pacer.now();
      },
      Math.min(5000, 100 * 2 ** Math.min(indexFailures, 6)),
    );
    // A caller waits: it hears at once, and searches with what is indexed (its wait is bounded anyway).
    if (answer) post({ type: 'indexed', upTo: lastIndexedUpTo() });
    return;
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
  indexFailures = 0;
  pacer.stepped(indexed);
  if (indexed > 0 || answer) post({ type: 'indexed', upTo: indexer.indexedUpTo() });
  // A full step: more may wait (a restart, a migration, a flood). A short one caught up,
  // for nothing was committed meanwhile on this thread.
  if (indexed === INDEX_STEP) {
    // Someone waits: the rest goes ahead of inserts too.
    indexWanted = answer;
    pacer.now();
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
  try {
    const rows = batches.flatMap((b) => b.rows);
    const inserted = inserter.commitBatch(rows);
    pacer.committed(rows.length);
    let at = 0;
    for (const batch of batches) {
      answer(batch.id, inserted.slice(at, at + batch.rows.length));
      at += batch.rows.length;
    }
  } catch (error) {
    // One batch's failure must not take the others with it: each on its own.
    if (batches.length === 1) fail(batches[0]?.id ?? 0, error);
    else for (const batch of batches) insertAlone(batch);
    pacer.committed(0);
  }
}

function insertAlone({ id, rows }: { id: number; rows: NewDelivery[] }): void {
  try {
    const inserted = inserter.commitBatch(rows);
    pacer.committed(rows.length);
    answer(id, inserted);
  } catch (error) {
    fail(id, error);
  }
}

/** The ids (and first copies) only: the main thread holds the rows and makes their list items. */
function answer(id: number, inserted: Inserted[]): void {
  post({
    type: 'inserted',
    id,
    ids: inserted.map((r) => r.id),
    firstCopies: inserted.map((r) => r.duplicateOf),
  });
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

port.on('message', (message: ToWriter) => {
  if (message.type === 'insert') {
    queued.push({ id: message.id, rows: message.rows.map(fromWire) });
    if (!drainScheduled) {
      drainScheduled = true;
      setImmediate(drain);
    }
  } else if (message.type === 'index-now') {
    indexWanted = true;
    pacer.now();
  } else {
    // What is committed is safe; the index catches up at the next start.
    drain();
    closed = true;
    pacer.stop();
    if (retryTimer !== null) clearTimeout(retryTimer);
    db.close();
    post({ type: 'closed' });
    port.close();
  }
});
post({ type: 'ready', indexedUpTo: indexer.indexedUpTo() });
pacer.now();
