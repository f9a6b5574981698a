import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SqliteInserter } from '../../../src-main/core/deliveries/sqlite-insert';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import { SqliteWriter, WriterError } from '../../../src-main/core/deliveries/sqlite-writer';
import { DATABASE_FILE, openDatabase } from '../../../src-main/core/store/open-database';
import { tempDirFor, useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';
import { delivery } from './fixtures';

describe('SqliteWriter (inserts on a thread of their own)', () => {
  const cleanup = useCleanup();

  async function open(logs: string[] = []) {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'full' });
    const writer = await SqliteWriter.start(
      { file: join(dataDir, DATABASE_FILE), durability: 'full' },
      (message) => logs.push(message),
    );
    cleanup(async () => {
      await writer.close();
      db.close();
    });
    return { db, writer, store: new SqliteDeliveryStore(db, writer), dataDir };
  }

  it('commits on its thread, answers with the list items, and the main connection reads them at once', async () => {
    const { store, writer } = await open();
    const items = await store.insertAll([delivery(1), delivery(1), delivery(2)]);
    expect(items.map((i) => [i.id, i.problem, i.duplicateOf])).toEqual([
      [1, null, null],
      [2, 'duplicate', 1],
      [3, null, null],
    ]);
    expect((await store.search({ limit: 10 })).items.map((i) => i.id)).toEqual([3, 2, 1]);
    expect(await store.count()).toBe(3);
    // The search index follows right behind the commit.
    await waitFor(() => writer.indexedUpTo >= 3, { what: 'the index' });
    expect((await store.search({ query: 'text', limit: 10 })).total).toBe(3);
  });

  it('indexes what a crash left stored but not searchable, in the background after the start', async () => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'full' });
    cleanup(() => db.close());
    // Committed, then the process died before the index transaction.
    new SqliteInserter(db).insertBatch([
      delivery(1, { summary: { ...delivery(1).summary, text: 'zebra crossing' } }),
    ]);
    const store = new SqliteDeliveryStore(db);
    expect((await store.search({ query: 'zebra', limit: 10 })).total).toBe(0);
    const writer = await SqliteWriter.start(
      { file: join(dataDir, DATABASE_FILE), durability: 'full' },
      () => undefined,
    );
    cleanup(() => writer.close());
    // In the background, after the thread said it is ready: a big backlog never delays the start.
    await waitFor(() => writer.indexedUpTo >= 1, { what: 'the catch-up' });
    expect((await store.search({ query: 'zebra', limit: 10 })).total).toBe(1);
  });

  it('fails the batches a dying thread had in hand, and takes the next ones on a new thread', async () => {
    const { store } = await open();
    await store.insertAll([delivery(1)]);
    const writer = (store as unknown as { writer: SqliteWriter }).writer;
    const thread = (writer as unknown as { worker: Worker }).worker;
    const inHand = store.insertAll([delivery(2)]);
    await thread.terminate();
    await expect(inHand).rejects.toBeInstanceOf(WriterError);
    const [next] = await waitFor(async () => {
      try {
        return await store.insertAll([delivery(3)]);
      } catch {
        return undefined;
      }
    });
    expect(next?.updateId).toBe(3);
  });

  it('a word search right after a burst finds all of it: the thread indexes at once when asked', async () => {
    const { store, writer } = await open();
    const texts = (n: number) => ({ summary: { ...delivery(n).summary, text: `walrus ${n}` } });
    // The first after a quiet spell is indexed at once; the rest of a burst waits for the next step
    // (index-pacer.ts), unless a search asks.
    for (let n = 1; n <= 20; n++) await store.insertAll([delivery(n, texts(n))]);
    const found = await store.search({ query: 'walrus', limit: 50 });
    expect(found.total).toBe(20);
    expect(found.unsearched).toBeUndefined();
    expect(writer.indexedUpTo).toBe(20);
    for (let n = 21; n <= 30; n++) await store.insertAll([delivery(n, texts(n))]);
    expect(await store.countMatching({ query: 'walrus' }, 30)).toBe(30);
    expect(writer.indexedUpTo).toBe(30);
  });

  it('closes at once with a step still to come, and says nothing went wrong', async () => {
    const logs: string[] = [];
    const { store, writer } = await open(logs);
    await store.insertAll([delivery(1)]);
    // Within the step interval: this one waits on a timer when the thread is told to close.
    await store.insertAll([delivery(2)]);
    const started = Date.now();
    await writer.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(logs).toEqual([]);
    // A caller waiting for the index after the close is not left hanging.
    await expect(writer.indexedTo(99)).resolves.toBeUndefined();
  });

  it('reports a failing batch with SQLite’s code, and goes on', async () => {
    const { store } = await open();
    const broken = delivery(5, { inbox: null as unknown as string });
    await expect(store.insertAll([delivery(4), broken])).rejects.toMatchObject({ name: 'WriterError' });
    expect(await store.count()).toBe(0);
    expect((await store.insertAll([delivery(6)]))[0]?.updateId).toBe(6);
  });

  it('commits batches that queued up together, and a failing one takes none of the others with it', async () => {
    const { store } = await open();
    const broken = delivery(11, { inbox: null as unknown as string });
    // Sent in one turn: the thread finds them all waiting and tries them as one transaction first.
    const results = await Promise.allSettled([
      store.insertAll([delivery(10)]),
      store.insertAll([broken]),
      store.insertAll([delivery(12), delivery(13)]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const updates = (await store.search({ limit: 10 })).items.map((i) => i.updateId).sort();
    expect(updates).toEqual([10, 12, 13]);
    expect(await store.count()).toBe(3);
  });

  it('settles its caller when a committed row cannot be made a list item, or a batch cannot be sent', async () => {
    const { writer } = await open();
    // Past what a Date can hold: stored (its time key is clamped), but it has no ISO time to show.
    await expect(writer.insertAll([delivery(20, { receivedAt: 9e15 })])).rejects.toThrow(RangeError);
    // A value structured clone refuses: the batch fails at once and is not left pending.
    const uncloneable = delivery(21, { responseBody: (() => undefined) as unknown as string });
    await expect(writer.insertAll([uncloneable])).rejects.toThrow(/could not be cloned/);
    expect((await writer.insertAll([delivery(22)]))[0]?.updateId).toBe(22);
  });
});
