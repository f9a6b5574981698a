import { describe, expect, it } from 'vitest';
import { SqliteInserter } from '../../../src-main/core/deliveries/sqlite-insert';
import { SqliteSearchIndexer } from '../../../src-main/core/deliveries/sqlite-search-index';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import { openDatabase } from '../../../src-main/core/store/open-database';
import { tempDirFor, useCleanup } from '../../support/temp-dir';
import { delivery } from './fixtures';

// The search index trails the commits (the writer thread fills it behind
// them): filters must still see every row, and a text search says what it
// could not see yet.
describe('filters while the search index trails the table', () => {
  const cleanup = useCleanup();

  function open() {
    const db = openDatabase({ dataDir: tempDirFor(cleanup), durability: 'normal' });
    cleanup(() => db.close());
    const inserter = new SqliteInserter(db);
    const indexer = new SqliteSearchIndexer(db);
    // Committed by an inserter alone: the index has not seen these rows.
    const stored = (rows: Parameters<SqliteInserter['insertBatch']>[0]) => inserter.insertBatch(rows);
    return { store: new SqliteDeliveryStore(db), indexer, stored };
  }

  const mixed = () => [
    delivery(1, {
      summary: {
        kind: 'message',
        text: 'zebra one',
        user: { id: 7, name: 'A', username: null, language: null },
      },
    }),
    delivery(2, { responseStatus: 404, summary: { kind: 'callback_query', text: 'zebra two' } }),
    delivery(3, {
      problem: 'unknown-shape',
      summary: { kind: 'message', text: 'three', chat: { id: '@chan', type: 'channel' } },
    }),
    delivery(4, {
      summary: {
        kind: 'message',
        text: 'zebra four',
        user: { id: '7', name: 'B', username: null, language: null },
      },
    }),
  ];

  const ids = async (store: SqliteDeliveryStore, filter: Parameters<SqliteDeliveryStore['search']>[0]) => {
    const page = await store.search(filter);
    return { ids: page.items.map((i) => i.id), total: page.total, unsearched: page.unsearched };
  };

  it('finds by kind, status, problem, user and chat the same before and after the index catches up', async () => {
    const { store, indexer, stored } = open();
    stored(mixed());
    const filters = [
      { kind: 'message' },
      { status: '4xx' as const },
      { status: 200 },
      { problem: 'any' as const },
      { problem: 'none' as const, kind: 'message' },
      { problem: 'unknown-shape' as const },
      { userId: '7' },
      { userId: '07' },
      { chatId: '@chan' },
      { kind: 'message', inbox: 'default' },
      { kind: 'nothing' },
    ];
    const before = [];
    for (const f of filters) before.push(await ids(store, { ...f, limit: 10 }));
    expect(before.map((b) => b.ids)).toEqual([
      [4, 3, 1],
      [2],
      [4, 3, 1],
      [3],
      [4, 1],
      [3],
      [4, 1],
      [1],
      [3],
      [4, 3, 1],
      [],
    ]);
    expect(indexer.indexedUpTo()).toBe(0);
    indexer.indexAll();
    expect(indexer.indexedUpTo()).toBe(4);
    for (const [i, f] of filters.entries()) expect(await ids(store, { ...f, limit: 10 })).toEqual(before[i]);
  });

  it('joins the tail and the index in one newest-first page, with cursors and bounded totals across both', async () => {
    const { store, indexer, stored } = open();
    stored(mixed());
    indexer.indexNext(2); // rows 1 and 2 indexed, 3 and 4 not
    expect(indexer.indexedUpTo()).toBe(2);
    expect(await ids(store, { kind: 'message', limit: 10 })).toMatchObject({ ids: [4, 3, 1], total: 3 });
    expect(await ids(store, { kind: 'message', limit: 1 })).toMatchObject({ ids: [4], total: 3 });
    expect(await ids(store, { kind: 'message', before: 4, limit: 1 })).toMatchObject({ ids: [3], total: 3 });
    expect(await ids(store, { kind: 'message', before: 3, limit: 5 })).toMatchObject({ ids: [1], total: 3 });
    expect(await ids(store, { kind: 'message', after: 1, limit: 5 })).toMatchObject({
      ids: [4, 3],
      total: 3,
    });
  });

  it('a text search sees the indexed rows and says how many newer ones it could not see yet', async () => {
    const { store, indexer, stored } = open();
    stored(mixed());
    indexer.indexNext(2);
    expect(await ids(store, { query: 'zebra', limit: 10 })).toEqual({ ids: [2, 1], total: 2, unsearched: 2 });
    indexer.indexAll();
    expect(await ids(store, { query: 'zebra', limit: 10 })).toEqual({
      ids: [4, 2, 1],
      total: 3,
      unsearched: undefined,
    });
    // Words never match the facet tokens: a kind's token is not a word of the text.
    expect(await ids(store, { query: 'k6d657373616765', limit: 10 })).toMatchObject({ ids: [] });
  });

  it('seenUser finds a user in the tail and in the index, the number spelling first', async () => {
    const { store, indexer, stored } = open();
    stored(mixed());
    expect((await store.seenUser('7'))?.user.name).toBe('A');
    indexer.indexAll();
    expect((await store.seenUser('7'))?.user.name).toBe('A');
    stored([delivery(5, { summary: { user: { id: 7, name: 'C', username: null, language: null } } })]);
    expect((await store.seenUser('7'))?.user.name).toBe('C');
  });
  it('merges rows the index has not reached into list order, on every page', async () => {
    const { store, indexer, stored } = open();
    const at = (ms: number, text: string) =>
      delivery(null, { receivedAt: ms, summary: { kind: 'message', text } });
    const [n1, n2] = stored([at(5_000, 'one'), at(7_000, 'two')]).map((d) => d.id) as [number, number];
    indexer.indexAll();
    // Not indexed yet: one between the indexed rows, one older than both, one newest.
    const [t1, t2, t3] = stored([at(6_000, 'three'), at(1_000, 'four'), at(9_000, 'five')]).map(
      (d) => d.id,
    ) as [number, number, number];
    const order = [t3, n2, t1, n1, t2];
    expect((await store.search({ kind: 'message', limit: 10 })).items.map((i) => i.id)).toEqual(order);
    for (const limit of [1, 2]) {
      const seen: number[] = [];
      let cursor = {};
      for (let i = 0; i < 10 && seen.length < order.length; i++) {
        const page = await store.search({ kind: 'message', ...cursor, limit });
        seen.push(...page.items.map((d) => d.id));
        const last = page.items.at(-1);
        if (!last) break;
        cursor = { before: last.id, beforeAt: last.receivedAt };
      }
      expect(seen).toEqual(order);
    }
  });
});
