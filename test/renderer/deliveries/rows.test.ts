import { describe, expect, it } from 'vitest';
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

  it('keeps id order when an arrival is older than the newest held (a race), by rebuilding', () => {
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
