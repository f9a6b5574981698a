import { type DeliveryListItem, TOTAL_COUNTED_UP_TO } from '@contract';
import { describe, expect, it } from 'vitest';
import type { DeliverySearch, DeliveryStore } from '../../../src-main/core/deliveries/store';
import { useDeliveryEngines } from './engines';
import { delivery, invocation, linkHit, summaryFor } from './fixtures';

// The delivery store's conformance suite: the same assertions against
// SQLite and PostgreSQL, through the DeliveryStore interface only.

/** Everything stored, newest first, as the list reads it. */
async function listed(store: DeliveryStore): Promise<DeliveryListItem[]> {
  return (await store.search({ limit: 1000 })).items;
}

describe('DeliveryStore', () => {
  describe.each(useDeliveryEngines())('on $name', (engine) => {
    it('inserts a batch in one transaction and returns ids in order, as the list then reads them', async (ctx) => {
      const { store } = await engine.open(ctx);
      const items = await store.insertAll([delivery(1), delivery(2), delivery(3)]);
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
      expect(await listed(store)).toEqual(items.toReversed());
      expect(await store.insertAll([])).toEqual([]);

      // One transaction: a row that fails late (its invocation, after the
      // delivery rows went in) takes the whole batch with it.
      const broken = linkHit(invocation({ durationMs: null as unknown as number }));
      await expect(store.insertAll([delivery(4), broken])).rejects.toThrow();
      expect(await store.count()).toBe(3);
      expect((await listed(store)).map((i) => i.id)).toEqual([3, 2, 1]);
    });

    it('pages newest first, with `before` and `after` cursors and an inbox filter; the total ignores the cursors', async (ctx) => {
      const { store } = await engine.open(ctx);
      await store.insertAll([
        delivery(1),
        delivery(2, { inbox: 'shop' }),
        delivery(3),
        delivery(4, { inbox: 'shop' }),
        delivery(5),
      ]);
      const ids = async (query: DeliverySearch) => (await store.search(query)).items.map((i) => i.id);
      expect(await ids({ limit: 10 })).toEqual([5, 4, 3, 2, 1]);
      expect(await ids({ limit: 2 })).toEqual([5, 4]);
      expect(await ids({ limit: 2, before: 4 })).toEqual([3, 2]);
      expect(await ids({ limit: 10, before: 1 })).toEqual([]);
      expect(await ids({ limit: 10, inbox: 'shop' })).toEqual([4, 2]);
      expect(await ids({ limit: 10, inbox: 'shop', before: 4 })).toEqual([2]);
      expect(await ids({ limit: 10, inbox: 'nobody' })).toEqual([]);
      // `after`: what arrived since, still newest first.
      expect(await ids({ limit: 10, after: 2 })).toEqual([5, 4, 3]);
      expect(await ids({ limit: 2, after: 1 })).toEqual([5, 4]);
      expect(await ids({ limit: 10, after: 5 })).toEqual([]);
      expect(await ids({ limit: 10, inbox: 'shop', after: 2 })).toEqual([4]);
      expect(await ids({ limit: 10, after: 1, before: 5 })).toEqual([4, 3, 2]);

      expect((await store.search({ limit: 1, before: 3 })).total).toBe(5);
      expect((await store.search({ limit: 10, after: 5 })).total).toBe(5);
      expect((await store.search({ limit: 10, inbox: 'shop', after: 2 })).total).toBe(2);
      expect(await store.search({ limit: 10, inbox: 'nobody' })).toEqual({
        items: [],
        total: 0,
        totalExact: true,
      });
    });

    it('counts exactly, per inbox and in all, also from a store opened afterwards', async (ctx) => {
      const { store, reopen } = await engine.open(ctx);
      await store.insertAll([delivery(1), delivery(2, { inbox: 'shop' }), delivery(3)]);
      await store.insertAll([delivery(4, { inbox: 'shop' })]);
      expect(await store.count()).toBe(4);
      expect(await store.count()).toBe((await listed(store)).length);
      expect(await store.count('shop')).toBe(2);
      expect(await store.count('default')).toBe(2);
      expect(await store.count('nobody')).toBe(0);

      const other = reopen();
      expect(await other.count()).toBe(4);
      expect(await other.count('shop')).toBe(2);
    });

    it('flags a repeated update_id in the same inbox as a duplicate of the FIRST copy', async (ctx) => {
      const { store } = await engine.open(ctx);
      const [first] = await store.insertAll([delivery(10)]);
      const [second] = await store.insertAll([delivery(10)]);
      const [third] = await store.insertAll([delivery(10)]);
      expect(first).toMatchObject({ problem: null, duplicateOf: null });
      expect(second).toMatchObject({ problem: 'duplicate', duplicateOf: first?.id });
      expect(third).toMatchObject({ problem: 'duplicate', duplicateOf: first?.id });
      // The stored rows say the same as the returned items.
      expect((await listed(store)).map((i) => [i.id, i.problem, i.duplicateOf])).toEqual([
        [third?.id, 'duplicate', first?.id],
        [second?.id, 'duplicate', first?.id],
        [first?.id, null, null],
      ]);
    });

    it('finds duplicates within one batch too, keeping the problem of the first', async (ctx) => {
      const { store } = await engine.open(ctx);
      const items = await store.insertAll([
        delivery(20, { problem: 'unknown-shape' }),
        delivery(21),
        delivery(20),
        delivery(20, { problem: 'unknown-shape' }),
      ]);
      expect(items.map((i) => [i.problem, i.duplicateOf])).toEqual([
        ['unknown-shape', null],
        [null, null],
        ['duplicate', items[0]?.id],
        ['duplicate', items[0]?.id],
      ]);
      expect(await listed(store)).toEqual(items.toReversed());
    });

    it('does not flag the same update_id in another inbox', async (ctx) => {
      const { store } = await engine.open(ctx);
      await store.insertAll([delivery(30)]);
      const [other] = await store.insertAll([delivery(30, { inbox: 'shop' })]);
      expect(other).toMatchObject({ problem: null, duplicateOf: null });
    });

    it('never marks a non-2xx delivery as a duplicate', async (ctx) => {
      const { store } = await engine.open(ctx);
      const [first] = await store.insertAll([delivery(40)]);
      const [rejected] = await store.insertAll([
        delivery(40, { responseStatus: 404, problem: 'unknown-inbox', responseBody: '{"ok":false}' }),
      ]);
      expect(first?.problem).toBeNull();
      expect(rejected).toMatchObject({ problem: 'unknown-inbox', duplicateOf: null });
    });

    it('never uses a non-2xx delivery as the first copy', async (ctx) => {
      const { store } = await engine.open(ctx);
      // A platform POSTed to an inbox before it existed: 404, but the update_id is known.
      const [rejected] = await store.insertAll([
        delivery(50, { inbox: 'shop', responseStatus: 404, problem: 'unknown-inbox' }),
      ]);
      expect(rejected?.duplicateOf).toBeNull();
      // The retry after the inbox was created is the first accepted copy, not a duplicate.
      const [accepted] = await store.insertAll([delivery(50, { inbox: 'shop' })]);
      expect(accepted).toMatchObject({ problem: null, duplicateOf: null });
      // And a later copy links to the accepted one.
      const [again] = await store.insertAll([delivery(50, { inbox: 'shop' })]);
      expect(again).toMatchObject({ problem: 'duplicate', duplicateOf: accepted?.id });
    });

    it('get() returns the full row with the raw body bytes', async (ctx) => {
      const { store } = await engine.open(ctx);
      const body = Buffer.from([0xff, 0x00, 0x7b, 0xfe]);
      const [item] = await store.insertAll([
        delivery(null, { body, bodySize: body.length, responseStatus: 400, problem: 'malformed-json' }),
      ]);
      const row = await store.get(item?.id ?? -1);
      expect(row?.body.equals(body)).toBe(true);
      expect(row?.problem).toBe('malformed-json');
      expect(row?.headers).toEqual([['Content-Type', 'application/json']]);
      expect(await store.get(9999)).toBeNull();
      expect(await store.get(1.5)).toBeNull();
    });

    it('get() gives back every field as inserted: time to the millisecond, headers in order, ids in their own type', async (ctx) => {
      const { store } = await engine.open(ctx);
      const d = delivery(2 ** 40, {
        receivedAt: Date.UTC(2026, 2, 1, 12, 34, 56, 789),
        query: 'a=1&b=%20',
        headers: [
          ['X-B', '2'],
          ['x-a', '1'],
          ['X-B', '3'],
        ],
        remoteAddress: null,
        body: Buffer.alloc(0),
        bodySize: 5_000_000,
        bodyOmitted: true,
        responseStatus: 413,
        problem: 'too-large',
        summary: {
          platform: 'telegram',
          kind: 'callback_query',
          user: { id: '456', name: null, username: null, language: null },
          chat: { id: -100123, type: null },
          text: null,
        },
      });
      const [item] = await store.insertAll([d]);
      const { invocation: _none, ...fields } = d;
      expect(await store.get(item?.id ?? -1)).toEqual({
        ...fields,
        id: item?.id,
        duplicateOf: null,
        invocation: null,
      });
      expect(item?.receivedAt).toBe('2026-03-01T12:34:56.789Z');
    });

    it('keeps what a signed-link hit did: the invocation reads back as recorded, beside the right delivery', async (ctx) => {
      const { store } = await engine.open(ctx);
      const rejected = invocation({
        profileId: null,
        command: null,
        userId: null,
        options: null,
        params: [],
        outcome: 'rejected',
        reason: 'the signature does not match',
        check: 'bad-signature',
        logs: [],
        sent: [],
        durationMs: 0,
        responseTruncated: true,
      });
      const items = await store.insertAll([
        linkHit(invocation()),
        delivery(1),
        linkHit(rejected, { responseStatus: 403, problem: 'invalid-link' }),
      ]);
      const [ok, plain, refused] = await Promise.all(items.map((i) => store.get(i.id)));
      expect(ok?.invocation).toEqual(invocation());
      expect(ok).toMatchObject({
        method: 'GET',
        query: 'u=42&sig=abc',
        summary: { platform: 'signed-link' },
      });
      expect(plain?.invocation).toBeNull();
      expect(refused?.invocation).toEqual(rejected);
      expect(refused?.problem).toBe('invalid-link');
    });

    it('stores U+0000 in text, names, headers and invocations without losing the batch (PostgreSQL: as U+FFFD)', async (ctx) => {
      const { store } = await engine.open(ctx);
      const nul = 'a\u0000b';
      // PostgreSQL's text and jsonb cannot hold U+0000: it becomes U+FFFD there
      // (text-value.ts). SQLite keeps it. Bodies (bytes) and the invocation's
      // json columns keep it in both.
      const kept = engine.name === 'sqlite' ? nul : 'a\uFFFDb';
      const body = Buffer.from('{"text":"x\\u0000y"}\u0000tail');
      const d = delivery(80, {
        path: `/webhook/${nul}`,
        query: `q=${nul}`,
        headers: [[`x-${nul}`, nul]],
        body,
        bodySize: body.length,
        responseBody: nul,
        summary: {
          user: { id: nul, name: nul, username: nul, language: nul },
          chat: { id: nul, type: nul },
          text: `hello ${nul} world`,
        },
        invocation: invocation({
          command: nul,
          userId: nul,
          options: nul,
          reason: nul,
          check: nul,
          params: [[nul, nul]],
          logs: [nul],
          sent: [{ chatId: nul, text: nul, ok: true, result: nul }],
        }),
      });
      const [item, neighbour] = await store.insertAll([d, delivery(81)]);
      expect(neighbour?.updateId).toBe(81);
      expect(await store.get(item?.id ?? -1)).toEqual({
        ...d,
        id: item?.id,
        path: `/webhook/${kept}`,
        query: `q=${kept}`,
        headers: [[`x-${kept}`, kept]],
        responseBody: kept,
        duplicateOf: null,
        summary: {
          ...d.summary,
          user: { id: kept, name: kept, username: kept, language: kept },
          chat: { id: kept, type: kept },
          text: `hello ${kept} world`,
        },
        invocation: {
          ...d.invocation,
          command: kept,
          userId: kept,
          options: kept,
          reason: kept,
          check: kept,
        },
      });
      // What insertAll answered is what the list shows later.
      expect(await listed(store)).toEqual([neighbour, item]);
      // NUL separates words, in the summary text as in the body.
      const found = async (query: string) =>
        (await store.search({ query, limit: 10 })).items.map((i) => i.id);
      expect(await found('world')).toEqual([item?.id]);
      expect(await found('hello')).toEqual([item?.id]);
      expect(await found('tail')).toEqual([item?.id]);
    });

    it('stores a lone UTF-16 surrogate without losing the batch; the invocation keeps it', async (ctx) => {
      const { store } = await engine.open(ctx);
      // A payload's "\ud800" decodes to one. PostgreSQL's jsonb refuses it, so
      // there it becomes U+FFFD like U+0000 (see pg-store.test.ts); SQLite's
      // text columns get what better-sqlite3 encodes for it. Only the batch's
      // survival and the json columns are common to both.
      const lone = 'a\ud800b';
      const d = delivery(90, {
        path: `/${lone}`,
        headers: [[lone, lone]],
        summary: {
          user: { id: lone, name: lone, username: null, language: null },
          chat: { id: lone, type: lone },
          text: lone,
        },
        invocation: invocation({ logs: [lone], params: [[lone, lone]], sent: [] }),
      });
      const [item, neighbour] = await store.insertAll([d, delivery(91)]);
      const stored = await store.get(item?.id ?? -1);
      expect(stored?.invocation).toMatchObject({ logs: [lone], params: [[lone, lone]] });
      expect(stored?.body.equals(d.body)).toBe(true);
      expect((await store.get(neighbour?.id ?? -1))?.summary.updateId).toBe(91);
    });

    it('prunes beyond the newest keepCount of one inbox, and before a time; counts follow', async (ctx) => {
      const { store } = await engine.open(ctx);
      const t0 = Date.UTC(2026, 0, 1);
      const items = await store.insertAll([
        ...[1, 2, 3, 4, 5].map((n) => delivery(n, { receivedAt: t0 + n * 1000 })),
        delivery(6, { inbox: 'shop', receivedAt: t0 }),
        delivery(7, { inbox: 'shop', receivedAt: t0 }),
      ]);
      const ids = items.map((i) => i.id);
      const left = async (inbox: string) =>
        (await store.search({ inbox, limit: 100 })).items.map((i) => i.id);

      expect(await store.prune('default', null, null)).toBe(0);
      expect(await store.prune('default', 4, null)).toBe(1);
      expect(await left('default')).toEqual([ids[4], ids[3], ids[2], ids[1]]);
      // Received before the time (not at it) go.
      expect(await store.prune('default', null, t0 + 3000)).toBe(1);
      expect(await left('default')).toEqual([ids[4], ids[3], ids[2]]);
      // Both limits: whatever either removes.
      expect(await store.prune('default', 2, t0 + 5000)).toBe(2);
      expect(await left('default')).toEqual([ids[4]]);
      expect(await store.prune('default', 1, null)).toBe(0);
      expect(await left('shop')).toEqual([ids[6], ids[5]]);
      expect(await store.count()).toBe(3);
      expect(await store.count('default')).toBe(1);

      expect(await store.prune('shop', 0, null)).toBe(2);
      expect(await store.count('shop')).toBe(0);
      expect(await store.count()).toBe(1);
      expect(await store.prune('nobody', 0, t0 * 2)).toBe(0);
    });

    it('prunes a first copy: its duplicates stay, unlinked, and the oldest of them is the first for later copies', async (ctx) => {
      const { store } = await engine.open(ctx);
      const [first, second, third] = await store.insertAll([delivery(7), delivery(7), delivery(7)]);
      expect(await store.prune('default', 2, null)).toBe(1);
      expect(await store.get(first?.id ?? -1)).toBeNull();
      expect(await store.get(second?.id ?? -1)).toMatchObject({ problem: 'duplicate', duplicateOf: null });
      expect(await store.get(third?.id ?? -1)).toMatchObject({ problem: 'duplicate', duplicateOf: null });
      const [later] = await store.insertAll([delivery(7)]);
      expect(later).toMatchObject({ problem: 'duplicate', duplicateOf: second?.id });

      // A signed-link hit goes with its invocation.
      const [hit] = await store.insertAll([linkHit(invocation(), { inbox: 'links' })]);
      expect(await store.prune('links', 0, null)).toBe(1);
      expect(await store.get(hit?.id ?? -1)).toBeNull();
    });

    it('seenUser: the latest platform delivery of a user, under the number spelling of the id first', async (ctx) => {
      const { store } = await engine.open(ctx);
      const user = (id: number | string, name: string) => ({ id, name, username: null, language: null });
      await store.insertAll([
        delivery(1, { summary: { user: user(42, 'Old'), chat: { id: 42, type: 'private' } } }),
        delivery(2, { summary: { user: user(42, 'New'), chat: { id: -100, type: 'group' } } }),
        // A signed-link hit names the user too, but is not what the platform said.
        linkHit(invocation(), {
          summary: { ...summaryFor(null), platform: 'signed-link', user: user(42, 'Link') },
        }),
        // Newer, but under the string spelling: SQLite's lookup prefers the number.
        delivery(3, { summary: { user: user('42', 'Text'), chat: null } }),
        delivery(4, { summary: { user: user('43', 'Only text'), chat: null } }),
        delivery(5, { summary: { user: user('ada', 'Ada'), chat: { id: 'room', type: null } } }),
      ]);
      expect(await store.seenUser('42')).toEqual({
        user: { id: 42, name: 'New', username: null, language: null },
        chat: { id: -100, type: 'group' },
      });
      expect(await store.seenUser('43')).toEqual({
        user: { id: '43', name: 'Only text', username: null, language: null },
        chat: null,
      });
      expect(await store.seenUser('ada')).toEqual({
        user: { id: 'ada', name: 'Ada', username: null, language: null },
        chat: { id: 'room', type: null },
      });
      expect(await store.seenUser('7')).toBeNull();
      expect(await store.seenUser('Ada')).toBeNull();
    });

    it('hasSame: the exact delivery (time, inbox, request line, body bytes) is known, any difference is not', async (ctx) => {
      const { store } = await engine.open(ctx);
      const d = delivery(9, { query: 'x=1' });
      expect(await store.hasSame(d)).toBe(false);
      await store.insertAll([d]);
      expect(await store.hasSame(d)).toBe(true);
      expect(await store.hasSame({ ...d, summary: summaryFor(10), headers: [] })).toBe(true);
      const otherBody = Buffer.from(d.body);
      otherBody[otherBody.length - 1] = 0x20;
      for (const other of [
        { ...d, body: otherBody },
        { ...d, receivedAt: d.receivedAt + 1 },
        { ...d, inbox: 'shop' },
        { ...d, method: 'PUT' },
        { ...d, path: '/webhook/' },
        { ...d, query: 'x=2' },
      ]) {
        expect(await store.hasSame(other)).toBe(false);
      }
    });

    it('counts a broad filter only up to its bound, and says the total is then a lower bound', async (ctx) => {
      const { store } = await engine.open(ctx);
      const many = Array.from({ length: TOTAL_COUNTED_UP_TO + 5 }, (_, i) => delivery(i + 1));
      for (let i = 0; i < many.length; i += 2000) await store.insertAll(many.slice(i, i + 2000));
      await store.insertAll([delivery(null, { responseStatus: 404, problem: 'unknown-inbox' })]);
      expect(await store.search({ status: '2xx', limit: 1 })).toMatchObject({
        total: TOTAL_COUNTED_UP_TO,
        totalExact: false,
      });
      expect(await store.search({ status: 404, limit: 1 })).toMatchObject({ total: 1, totalExact: true });
    }, 60_000);

    it('listByIds and lastId: what a replica relays, oldest first, missing ids left out', async (ctx) => {
      const { store } = await engine.open(ctx);
      expect(await store.lastId()).toBe(0);
      expect(await store.listByIds([1, 2])).toEqual([]);
      const items = await store.insertAll([delivery(1), delivery(2, { inbox: 'shop' }), delivery(3)]);
      expect(await store.lastId()).toBe(3);
      expect(await store.listByIds([3, 1, 99])).toEqual([items[0], items[2]]);
      expect(await store.listByIds([])).toEqual([]);
    });

    it('maxUpdateId: the largest update_id in any inbox, 0 when there is none', async (ctx) => {
      const { store } = await engine.open(ctx);
      expect(await store.maxUpdateId()).toBe(0);
      await store.insertAll([delivery(null)]);
      expect(await store.maxUpdateId()).toBe(0);
      await store.insertAll([delivery(5), delivery(2 ** 40, { inbox: 'shop' }), delivery(3)]);
      expect(await store.maxUpdateId()).toBe(2 ** 40);
    });
  });
});
