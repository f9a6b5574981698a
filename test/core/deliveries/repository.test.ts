import type { Problem, Summary } from '@contract';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import { openDatabase } from '../../../src-main/core/store/open-database';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

const summaryFor = (updateId: number | null): Summary => ({
  platform: updateId === null ? 'unknown' : 'solafon',
  kind: updateId === null ? 'unknown' : 'message',
  updateId,
  user: updateId === null ? null : { id: 456, name: 'John', username: 'user@example.com', language: 'en' },
  chat: updateId === null ? null : { id: 456, type: 'private' },
  text: updateId === null ? null : `text ${updateId}`,
});

let clock = 1_700_000_000_000;

function delivery(
  updateId: number | null,
  overrides: Partial<Omit<NewDelivery, 'summary'>> & { problem?: Problem | null } = {},
): NewDelivery {
  const body = Buffer.from(JSON.stringify({ update_id: updateId }));
  clock += 1;
  return {
    receivedAt: clock,
    inbox: 'default',
    method: 'POST',
    path: '/webhook',
    query: '',
    headers: [['Content-Type', 'application/json']],
    remoteAddress: '127.0.0.1',
    body,
    bodySize: body.length,
    bodyOmitted: false,
    responseStatus: 200,
    responseBody: '{"ok":true}',
    problem: null,
    summary: summaryFor(updateId),
    ...overrides,
  };
}

describe('SqliteDeliveryStore', () => {
  const cleanup = useCleanup();

  const openRepo = () => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'normal' });
    cleanup(() => db.close());
    return { db, repo: new SqliteDeliveryStore(db), dataDir };
  };

  it('inserts a batch in one transaction and returns ids in order', async () => {
    const { db, repo } = openRepo();
    const items = await repo.insertAll([delivery(1), delivery(2), delivery(3)]);
    expect(items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(items.map((i) => i.updateId)).toEqual([1, 2, 3]);
    expect(items[0]).toMatchObject({
      inbox: 'default',
      method: 'POST',
      path: '/webhook',
      responseStatus: 200,
      problem: null,
      duplicateOf: null,
      summary: { platform: 'solafon', updateId: 1, text: 'text 1' },
    });
    expect(new Date(items[0]?.receivedAt ?? '').getTime()).toBeGreaterThan(0);

    // One transaction: a row that fails to insert takes the whole batch with it.
    const broken = delivery(5, { inbox: null as unknown as string });
    await expect(repo.insertAll([delivery(4), broken])).rejects.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 3 });
    expect(await repo.count()).toBe(3);
  });

  it('pages newest first, with a `before` cursor and an inbox filter', async () => {
    const { repo } = openRepo();
    await repo.insertAll([
      delivery(1),
      delivery(2, { inbox: 'shop' }),
      delivery(3),
      delivery(4, { inbox: 'shop' }),
      delivery(5),
    ]);
    const ids = async (query: Parameters<typeof repo.search>[0]) =>
      (await repo.search(query)).items.map((i) => i.id);
    expect(await ids({ limit: 10 })).toEqual([5, 4, 3, 2, 1]);
    expect(await ids({ limit: 2 })).toEqual([5, 4]);
    expect(await ids({ limit: 2, before: 4 })).toEqual([3, 2]);
    expect(await ids({ limit: 10, before: 1 })).toEqual([]);
    expect(await ids({ limit: 10, inbox: 'shop' })).toEqual([4, 2]);
    expect(await ids({ limit: 10, inbox: 'shop', before: 4 })).toEqual([2]);
    expect(await ids({ limit: 10, inbox: 'nobody' })).toEqual([]);
  });

  it('keeps counts in memory that match the table, also after reopening', async () => {
    const { db, repo, dataDir } = openRepo();
    await repo.insertAll([delivery(1), delivery(2, { inbox: 'shop' }), delivery(3)]);
    await repo.insertAll([delivery(4, { inbox: 'shop' })]);
    const fromTable = (inbox?: string) =>
      (
        (inbox === undefined
          ? db.prepare('SELECT count(*) AS n FROM deliveries').get()
          : db.prepare('SELECT count(*) AS n FROM deliveries WHERE inbox = ?').get(inbox)) as { n: number }
      ).n;
    expect(await repo.count()).toBe(fromTable());
    expect(await repo.count()).toBe(4);
    expect(await repo.count('shop')).toBe(fromTable('shop'));
    expect(await repo.count('shop')).toBe(2);
    expect(await repo.count('default')).toBe(2);
    expect(await repo.count('nobody')).toBe(0);

    const db2 = openDatabase({ dataDir, durability: 'normal' });
    cleanup(() => db2.close());
    const reopened = new SqliteDeliveryStore(db2);
    expect(await reopened.count()).toBe(4);
    expect(await reopened.count('shop')).toBe(2);
  });

  it('flags a repeated update_id in the same inbox as a duplicate of the FIRST copy', async () => {
    const { repo } = openRepo();
    const [first] = await repo.insertAll([delivery(10)]);
    const [second] = await repo.insertAll([delivery(10)]);
    const [third] = await repo.insertAll([delivery(10)]);
    expect(first).toMatchObject({ problem: null, duplicateOf: null });
    expect(second).toMatchObject({ problem: 'duplicate', duplicateOf: first?.id });
    expect(third).toMatchObject({ problem: 'duplicate', duplicateOf: first?.id });
    // The stored rows say the same as the returned items.
    const stored = (await repo.search({ limit: 10 })).items;
    expect(stored.map((i) => [i.id, i.problem, i.duplicateOf])).toEqual([
      [third?.id, 'duplicate', first?.id],
      [second?.id, 'duplicate', first?.id],
      [first?.id, null, null],
    ]);
  });

  it('finds duplicates within one batch too', async () => {
    const { repo } = openRepo();
    const items = await repo.insertAll([delivery(20), delivery(20)]);
    expect(items[1]).toMatchObject({ problem: 'duplicate', duplicateOf: items[0]?.id });
  });

  it('does not flag the same update_id in another inbox', async () => {
    const { repo } = openRepo();
    await repo.insertAll([delivery(30)]);
    const [other] = await repo.insertAll([delivery(30, { inbox: 'shop' })]);
    expect(other).toMatchObject({ problem: null, duplicateOf: null });
  });

  it('never marks a non-2xx delivery as a duplicate', async () => {
    const { repo } = openRepo();
    const [first] = await repo.insertAll([delivery(40)]);
    const [rejected] = await repo.insertAll([
      delivery(40, { responseStatus: 404, problem: 'unknown-inbox', responseBody: '{"ok":false}' }),
    ]);
    expect(first?.problem).toBeNull();
    expect(rejected).toMatchObject({ problem: 'unknown-inbox', duplicateOf: null });
  });

  it('never uses a non-2xx delivery as the first copy', async () => {
    const { repo } = openRepo();
    // A platform POSTed to an inbox before it existed: 404, but the update_id is known.
    const [rejected] = await repo.insertAll([
      delivery(50, { inbox: 'shop', responseStatus: 404, problem: 'unknown-inbox' }),
    ]);
    expect(rejected?.duplicateOf).toBeNull();
    // The retry after the inbox was created is the first accepted copy, not a duplicate.
    const [accepted] = await repo.insertAll([delivery(50, { inbox: 'shop' })]);
    expect(accepted).toMatchObject({ problem: null, duplicateOf: null });
    // And a later copy links to the accepted one.
    const [again] = await repo.insertAll([delivery(50, { inbox: 'shop' })]);
    expect(again).toMatchObject({ problem: 'duplicate', duplicateOf: accepted?.id });
  });

  it('get() returns the full row with the raw body bytes', async () => {
    const { repo } = openRepo();
    const body = Buffer.from([0xff, 0x00, 0x7b, 0xfe]);
    const [item] = await repo.insertAll([
      delivery(null, { body, bodySize: body.length, responseStatus: 400, problem: 'malformed-json' }),
    ]);
    const row = await repo.get(item?.id ?? -1);
    expect(row?.body.equals(body)).toBe(true);
    expect(row?.problem).toBe('malformed-json');
    expect(row?.headers).toEqual([['Content-Type', 'application/json']]);
    expect(await repo.get(9999)).toBeNull();
  });
});
