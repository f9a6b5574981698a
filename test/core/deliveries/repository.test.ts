import type { Problem, Summary } from '@contract';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import { DeliveryRepository } from '../../../src-main/core/deliveries/repository';
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

describe('DeliveryRepository', () => {
  const cleanup = useCleanup();

  const openRepo = () => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'normal' });
    cleanup(() => db.close());
    return { db, repo: new DeliveryRepository(db), dataDir };
  };

  it('inserts a batch in one transaction and returns ids in order', () => {
    const { db, repo } = openRepo();
    const items = repo.insertAll([delivery(1), delivery(2), delivery(3)]);
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
    expect(() => repo.insertAll([delivery(4), broken])).toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 3 });
    expect(repo.count()).toBe(3);
  });

  it('pages newest first, with a `before` cursor and an inbox filter', () => {
    const { repo } = openRepo();
    repo.insertAll([
      delivery(1),
      delivery(2, { inbox: 'shop' }),
      delivery(3),
      delivery(4, { inbox: 'shop' }),
      delivery(5),
    ]);
    expect(repo.page({ limit: 10 }).map((i) => i.id)).toEqual([5, 4, 3, 2, 1]);
    expect(repo.page({ limit: 2 }).map((i) => i.id)).toEqual([5, 4]);
    expect(repo.page({ limit: 2, before: 4 }).map((i) => i.id)).toEqual([3, 2]);
    expect(repo.page({ limit: 10, before: 1 })).toEqual([]);
    expect(repo.page({ limit: 10, inbox: 'shop' }).map((i) => i.id)).toEqual([4, 2]);
    expect(repo.page({ limit: 10, inbox: 'shop', before: 4 }).map((i) => i.id)).toEqual([2]);
    expect(repo.page({ limit: 10, inbox: 'nobody' })).toEqual([]);
  });

  it('keeps counts in memory that match the table, also after reopening', () => {
    const { db, repo, dataDir } = openRepo();
    repo.insertAll([delivery(1), delivery(2, { inbox: 'shop' }), delivery(3)]);
    repo.insertAll([delivery(4, { inbox: 'shop' })]);
    const fromTable = (inbox?: string) =>
      (
        (inbox === undefined
          ? db.prepare('SELECT count(*) AS n FROM deliveries').get()
          : db.prepare('SELECT count(*) AS n FROM deliveries WHERE inbox = ?').get(inbox)) as { n: number }
      ).n;
    expect(repo.count()).toBe(fromTable());
    expect(repo.count()).toBe(4);
    expect(repo.count('shop')).toBe(fromTable('shop'));
    expect(repo.count('shop')).toBe(2);
    expect(repo.count('default')).toBe(2);
    expect(repo.count('nobody')).toBe(0);

    const db2 = openDatabase({ dataDir, durability: 'normal' });
    cleanup(() => db2.close());
    const reopened = new DeliveryRepository(db2);
    expect(reopened.count()).toBe(4);
    expect(reopened.count('shop')).toBe(2);
  });

  it('flags a repeated update_id in the same inbox as a duplicate of the FIRST copy', () => {
    const { repo } = openRepo();
    const [first] = repo.insertAll([delivery(10)]);
    const [second] = repo.insertAll([delivery(10)]);
    const [third] = repo.insertAll([delivery(10)]);
    expect(first).toMatchObject({ problem: null, duplicateOf: null });
    expect(second).toMatchObject({ problem: 'duplicate', duplicateOf: first?.id });
    expect(third).toMatchObject({ problem: 'duplicate', duplicateOf: first?.id });
    // The stored rows say the same as the returned items.
    const stored = repo.page({ limit: 10 });
    expect(stored.map((i) => [i.id, i.problem, i.duplicateOf])).toEqual([
      [third?.id, 'duplicate', first?.id],
      [second?.id, 'duplicate', first?.id],
      [first?.id, null, null],
    ]);
  });

  it('finds duplicates within one batch too', () => {
    const { repo } = openRepo();
    const items = repo.insertAll([delivery(20), delivery(20)]);
    expect(items[1]).toMatchObject({ problem: 'duplicate', duplicateOf: items[0]?.id });
  });

  it('does not flag the same update_id in another inbox', () => {
    const { repo } = openRepo();
    repo.insertAll([delivery(30)]);
    const [other] = repo.insertAll([delivery(30, { inbox: 'shop' })]);
    expect(other).toMatchObject({ problem: null, duplicateOf: null });
  });

  it('never marks a non-2xx delivery as a duplicate', () => {
    const { repo } = openRepo();
    const [first] = repo.insertAll([delivery(40)]);
    const [rejected] = repo.insertAll([
      delivery(40, { responseStatus: 404, problem: 'unknown-inbox', responseBody: '{"ok":false}' }),
    ]);
    expect(first?.problem).toBeNull();
    expect(rejected).toMatchObject({ problem: 'unknown-inbox', duplicateOf: null });
  });

  it('never uses a non-2xx delivery as the first copy', () => {
    const { repo } = openRepo();
    // A platform POSTed to an inbox before it existed: 404, but the update_id is known.
    const [rejected] = repo.insertAll([
      delivery(50, { inbox: 'shop', responseStatus: 404, problem: 'unknown-inbox' }),
    ]);
    expect(rejected?.duplicateOf).toBeNull();
    // The retry after the inbox was created is the first accepted copy, not a duplicate.
    const [accepted] = repo.insertAll([delivery(50, { inbox: 'shop' })]);
    expect(accepted).toMatchObject({ problem: null, duplicateOf: null });
    // And a later copy links to the accepted one.
    const [again] = repo.insertAll([delivery(50, { inbox: 'shop' })]);
    expect(again).toMatchObject({ problem: 'duplicate', duplicateOf: accepted?.id });
  });

  it('get() returns the full row with the raw body bytes', () => {
    const { repo } = openRepo();
    const body = Buffer.from([0xff, 0x00, 0x7b, 0xfe]);
    const [item] = repo.insertAll([
      delivery(null, { body, bodySize: body.length, responseStatus: 400, problem: 'malformed-json' }),
    ]);
    const row = repo.get(item?.id ?? -1);
    expect(row?.body.equals(body)).toBe(true);
    expect(row?.problem).toBe('malformed-json');
    expect(JSON.parse(row?.headers ?? 'null')).toEqual([['Content-Type', 'application/json']]);
    expect(repo.get(9999)).toBeUndefined();
  });
});
