import { describe, expect, it } from 'vitest';
import type { DeliverySearch, DeliveryStore } from '../../../src-main/core/deliveries/store';
import { useDeliveryEngines } from './engines';
import { delivery } from './fixtures';

// Lists are ordered by received time, newest first, the id breaking ties
// (issue 12): an imported delivery from 2025 sits among 2025's rows, not on
// top, in the list, its pages and every search alike.

const LIVE = Date.parse('2026-12-03T10:00:00.000Z');
const OLD = Date.parse('2025-03-01T08:00:00.000Z');

/** Stored in arrival order: live ones, then an import with older times (two in one millisecond). */
async function fill(store: DeliveryStore) {
  const live = await store.insertAll(
    [1, 2, 3, 4].map((n) =>
      delivery(n, { receivedAt: LIVE + n * 1000, summary: { kind: 'message', text: `zebra live ${n}` } }),
    ),
  );
  const imported = await store.insertAll([
    delivery(10, { receivedAt: OLD, summary: { kind: 'message', text: 'zebra imported a' } }),
    delivery(11, { receivedAt: OLD, summary: { kind: 'message', text: 'zebra imported b' } }),
    // Between the live ones: 2.5 s after the first.
    delivery(12, { receivedAt: LIVE + 2500, summary: { kind: 'message', text: 'zebra imported c' } }),
    delivery(13, { receivedAt: OLD - 1, inbox: 'default', summary: { kind: 'other', text: 'walrus' } }),
  ]);
  const [l1, l2, l3, l4] = live.map((d) => d.id) as [number, number, number, number];
  const [a, b, c, d] = imported.map((i) => i.id) as [number, number, number, number];
  return { l1, l2, l3, l4, a, b, c, d };
}

/** Every page of a search, following the cursor as the renderer does. */
async function allPages(store: DeliveryStore, filter: Omit<DeliverySearch, 'limit'>, limit: number) {
  const ids: number[] = [];
  let cursor: { before?: number; beforeAt?: string } = {};
  for (let pages = 0; pages < 20; pages++) {
    const page = await store.search({ ...filter, ...cursor, limit });
    ids.push(...page.items.map((i) => i.id));
    const last = page.items.at(-1);
    if (page.items.length < limit || !last) return ids;
    cursor = { before: last.id, beforeAt: last.receivedAt };
  }
  throw new Error('paging did not end');
}

describe('lists in received-time order', () => {
  describe.each(useDeliveryEngines())('on $name', (engine) => {
    it('orders the list by received time, the id breaking ties, whatever order rows arrived in', async (ctx) => {
      const { store } = await engine.open(ctx);
      const { l1, l2, l3, l4, a, b, c, d } = await fill(store);
      const newestFirst = [l4, l3, c, l2, l1, b, a, d];
      const page = await store.search({ limit: 50 });
      expect(page.items.map((i) => i.id)).toEqual(newestFirst);
      expect(page.total).toBe(8);
      // Every filter path walks the same order: the inbox alone, a kind (the search index’s
      // facets on SQLite), words, and a time range.
      expect((await store.search({ inbox: 'default', limit: 50 })).items.map((i) => i.id)).toEqual(
        newestFirst,
      );
      expect((await store.search({ kind: 'message', limit: 50 })).items.map((i) => i.id)).toEqual(
        newestFirst.filter((id) => id !== d),
      );
      expect((await store.search({ query: 'zebra', limit: 50 })).items.map((i) => i.id)).toEqual(
        newestFirst.filter((id) => id !== d),
      );
      const range = { from: new Date(OLD - 1).toISOString(), to: new Date(OLD).toISOString() };
      expect((await store.search({ ...range, limit: 50 })).items.map((i) => i.id)).toEqual([b, a, d]);
      expect((await store.search({ ...range, query: 'imported', limit: 50 })).items.map((i) => i.id)).toEqual(
        [b, a],
      );
    });

    it('pages through every row once, in order, for each filter path', async (ctx) => {
      const { store } = await engine.open(ctx);
      const { l1, l2, l3, l4, a, b, c, d } = await fill(store);
      const newestFirst = [l4, l3, c, l2, l1, b, a, d];
      for (const limit of [1, 2, 3]) {
        expect(await allPages(store, {}, limit)).toEqual(newestFirst);
        expect(await allPages(store, { inbox: 'default' }, limit)).toEqual(newestFirst);
        expect(await allPages(store, { kind: 'message' }, limit)).toEqual(
          newestFirst.filter((id) => id !== d),
        );
        expect(await allPages(store, { query: 'zebra' }, limit)).toEqual(
          newestFirst.filter((id) => id !== d),
        );
      }
    });

    it('goes on from a deleted row by its time, and without a time from the nearest older arrival', async (ctx) => {
      const { store } = await engine.open(ctx);
      const { l1, l2, c, b, a, d } = await fill(store);
      const page = await store.search({ limit: 3 });
      const last = page.items.at(-1);
      expect(last?.id).toBe(c);
      await store.deleteIds([c]);
      const next = await store.search({ before: c, beforeAt: last?.receivedAt, limit: 10 });
      expect(next.items.map((i) => i.id)).toEqual([l2, l1, b, a, d]);
      const byWords = await store.search({
        query: 'zebra',
        before: c,
        beforeAt: last?.receivedAt,
        limit: 10,
      });
      expect(byWords.items.map((i) => i.id)).toEqual([l2, l1, b, a]);
      // An old client sends no time: the nearest older arrival (b) stands in for the deleted row.
      expect((await store.search({ before: c, limit: 10 })).items.map((i) => i.id)).toEqual([b, a, d]);
    });

    it('lists what arrived after an id in the same order', async (ctx) => {
      const { store } = await engine.open(ctx);
      const { l3, l4, c, b, a, d } = await fill(store);
      const arrived = await store.search({ after: l4, limit: 50 });
      expect(arrived.items.map((i) => i.id)).toEqual([c, b, a, d]);
      expect((await store.search({ after: l4, query: 'zebra', limit: 50 })).items.map((i) => i.id)).toEqual([
        c,
        b,
        a,
      ]);
      expect((await store.search({ after: l3, kind: 'message', limit: 2 })).items.map((i) => i.id)).toEqual([
        l4,
        c,
      ]);
    });

    it('keeps the newest deliveries by received time when retention cuts by count', async (ctx) => {
      const { store } = await engine.open(ctx);
      const { l1, l2, l3, l4, c } = await fill(store);
      expect(await store.prune('default', 5, null)).toBe(3);
      expect((await store.search({ limit: 50 })).items.map((i) => i.id)).toEqual([l4, l3, c, l2, l1]);
      expect(await store.prune('default', null, LIVE + 2500)).toBe(2);
      expect((await store.search({ limit: 50 })).items.map((i) => i.id)).toEqual([l4, l3, c]);
    });
  });
});
