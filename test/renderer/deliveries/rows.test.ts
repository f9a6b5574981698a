import type { DeliveryListItem } from '@contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../../src-renderer/features/deliveries/order';
import { DeliveryRows } from '../../../src-renderer/features/deliveries/rows';
import { makeItem, makePage } from '../support/deliveries';

const allIds = (rows: DeliveryRows) => Array.from({ length: rows.count }, (_, index) => rows.at(index)?.id);

describe('DeliveryRows', () => {
  it('maps row indexes across live arrivals and older pages, newest first', () => {
    const rows = new DeliveryRows();
    rows.addNewer(makePage(11, 20));
    rows.addNewer([makeItem(21), makeItem(22)]);
    rows.addOlder(makePage(1, 10));
    expect(allIds(rows)).toEqual(Array.from({ length: 22 }, (_, index) => 22 - index));
    expect(rows.at(-1)).toBeUndefined();
    expect(rows.at(22)).toBeUndefined();
    expect(rows.newestId).toBe(22);
    expect(rows.oldestId).toBe(1);
  });

  it('finds the row of an id on either side', () => {
    const rows = new DeliveryRows();
    rows.addNewer(makePage(50, 60));
    rows.addOlder(makePage(1, 49).filter((item) => item.id % 2 === 0));
    for (let index = 0; index < rows.count; index++) {
      const id = rows.at(index)?.id as number;
      expect(rows.indexOf(id)).toBe(index);
    }
    expect(rows.indexOf(3)).toBe(-1);
    expect(rows.indexOf(1000)).toBe(-1);
  });

  it('skips ids it already holds and counts only what it added', () => {
    const rows = new DeliveryRows();
    expect(rows.addNewer(makePage(1, 5))).toBe(5);
    expect(rows.addNewer([makeItem(5), makeItem(6), makeItem(6)])).toBe(1);
    expect(rows.addOlder(makePage(1, 3))).toBe(0);
    expect(allIds(rows)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('appends live arrivals without touching the rows already there', () => {
    const rows = new DeliveryRows();
    rows.addNewer(makePage(1, 3));
    const before = rows.at(2);
    rows.addNewer([makeItem(4)]);
    expect(rows.at(3)).toBe(before);
  });

  it('keeps the order when an arrival is older than the newest held (a race)', () => {
    const rows = new DeliveryRows();
    rows.addNewer([makeItem(10), makeItem(12)]);
    rows.addNewer([makeItem(11), makeItem(13)]);
    rows.addOlder([makeItem(5)]);
    rows.addOlder([makeItem(9), makeItem(7)]);
    expect(allIds(rows)).toEqual([13, 12, 11, 10, 9, 7, 5]);
    expect(rows.indexOf(7)).toBe(5);
  });

  it('forgets everything on clear', () => {
    const rows = new DeliveryRows();
    rows.addNewer(makePage(1, 3));
    rows.clear();
    expect(rows.count).toBe(0);
    expect(rows.addNewer([makeItem(2)])).toBe(1);
  });
});

describe('DeliveryRows in received-time order', () => {
  const at = (id: number, receivedAt: string) => makeItem(id, { receivedAt });

  it('places an arrival dated earlier among the rows of its time, not on top', () => {
    const rows = new DeliveryRows();
    rows.addNewer([
      at(1, '2025-01-01T00:00:00.000Z'),
      at(2, '2025-06-01T00:00:00.000Z'),
      at(3, '2026-01-01T00:00:00.000Z'),
    ]);
    rows.addNewer([at(4, '2025-03-01T00:00:00.000Z'), at(5, '2026-02-01T00:00:00.000Z')]);
    expect(allIds(rows)).toEqual([5, 3, 2, 4, 1]);
    for (const id of [1, 2, 3, 4, 5]) expect(rows.at(rows.indexOf(id))?.id).toBe(id);
    expect(rows.maxId).toBe(5);
  });

  it('breaks ties of received time by id, larger first', () => {
    const rows = new DeliveryRows();
    const time = '2025-01-01T00:00:00.000Z';
    rows.addNewer([at(10, time), at(30, time)]);
    rows.addNewer([at(20, time)]);
    rows.addOlder([at(5, time)]);
    expect(allIds(rows)).toEqual([30, 20, 10, 5]);
  });

  it('leaves an arrival older than the oldest loaded row to paging while pages remain', () => {
    const rows = new DeliveryRows();
    rows.addNewer([at(8, '2026-01-02T00:00:00.000Z'), at(9, '2026-01-03T00:00:00.000Z')]);
    expect(rows.addNewer([at(10, '2020-01-01T00:00:00.000Z')], { holdsOldest: false })).toBe(1);
    expect(allIds(rows)).toEqual([9, 8]);
    expect(rows.has(10)).toBe(false);
    expect(rows.maxId).toBe(10);
    // The page below the last row brings it.
    rows.addOlder([at(7, '2025-01-01T00:00:00.000Z'), at(10, '2020-01-01T00:00:00.000Z')]);
    expect(allIds(rows)).toEqual([9, 8, 7, 10]);
    // With the whole history loaded, an older arrival goes to the bottom.
    rows.addNewer([at(11, '2019-01-01T00:00:00.000Z')], { holdsOldest: true });
    expect(allIds(rows)).toEqual([9, 8, 7, 10, 11]);
  });

  it('keeps the order for any mix of batches, pages and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            older: fc.boolean(),
            items: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 150 }),
            deleted: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 5 }),
          }),
          { maxLength: 12 },
        ),
        (steps) => {
          const rows = new DeliveryRows();
          const held = new Map<number, DeliveryListItem>();
          for (const step of steps) {
            // One time per id, as on the server, scattered so that ids and times disagree.
            const items = step.items.map((id) =>
              at(id, `2025-01-${String(((id * 7919) % 28) + 1).padStart(2, '0')}T00:00:00.000Z`),
            );
            if (step.older) rows.addOlder(items);
            else rows.addNewer(items);
            for (const item of items) held.set(item.id, item);
            rows.remove(new Set(step.deleted));
            for (const id of step.deleted) held.delete(id);
          }
          const expected = [...held.values()].sort(compareNewestFirst).map((item) => item.id);
          expect(allIds(rows)).toEqual(expected);
          for (const [index, id] of expected.entries()) expect(rows.indexOf(id)).toBe(index);
        },
      ),
    );
  });
});
