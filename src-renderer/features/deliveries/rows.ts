import type { DeliveryListItem } from '@contract';

/**
 * All loaded deliveries, newest first, held so that the hot paths never copy
 * the whole list: a frame of live arrivals and a page of older history are both
 * O(batch). Two append-only arrays meet in the middle:
 *
 *   row 0 … newer.length-1         → `newer` read backwards (oldest first; live items push onto its end)
 *   row newer.length … count-1     → `older` read forwards (newest first; older pages push onto its end)
 *
 * Every id in `newer` is greater than every id in `older`. The object is
 * mutated in place; the store bumps a version counter so React notices.
 * Only an out-of-order arrival (a rare race) rebuilds the arrays.
 */
export class DeliveryRows {
  private newer: DeliveryListItem[] = [];
  private older: DeliveryListItem[] = [];
  private readonly ids = new Set<number>();

  get count(): number {
    return this.newer.length + this.older.length;
  }

  at(index: number): DeliveryListItem | undefined {
    if (index < 0) return undefined;
    const newerCount = this.newer.length;
    return index < newerCount ? this.newer[newerCount - 1 - index] : this.older[index - newerCount];
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  /** Row index of an id, or -1. Both arrays are sorted, so this is a binary search. */
  indexOf(id: number): number {
    if (!this.ids.has(id)) return -1;
    const inNewer = binarySearch(this.newer, id, 1);
    if (inNewer >= 0) return this.newer.length - 1 - inNewer;
    const inOlder = binarySearch(this.older, id, -1);
    return inOlder >= 0 ? this.newer.length + inOlder : -1;
  }

  get newestId(): number | null {
    return this.at(0)?.id ?? null;
  }

  get oldestId(): number | null {
    return this.at(this.count - 1)?.id ?? null;
  }

  /**
   * Adds items in any order, skipping ids already held. Returns how many were
   * added. Items newer than everything held (the normal live case) are
   * appended; anything else triggers a one-off sorted rebuild.
   */
  addNewer(items: readonly DeliveryListItem[]): number {
    const fresh = this.unseen(items);
    if (fresh.length === 0) return 0;
    fresh.sort((a, b) => a.id - b.id);
    const newest = this.newestId;
    const first = fresh[0] as DeliveryListItem;
    if (newest === null || first.id > newest) {
      for (const item of fresh) this.newer.push(item);
    } else {
      this.rebuild(fresh);
    }
    return fresh.length;
  }

  /** Adds a page that should be older than everything held (a `before` cursor page). */
  addOlder(items: readonly DeliveryListItem[]): number {
    const fresh = this.unseen(items);
    if (fresh.length === 0) return 0;
    fresh.sort((a, b) => b.id - a.id);
    const oldest = this.oldestId;
    const first = fresh[0] as DeliveryListItem;
    if (oldest === null || first.id < oldest) {
      for (const item of fresh) this.older.push(item);
    } else {
      this.rebuild(fresh);
    }
    return fresh.length;
  }

  /**
   * Drops these ids where held (deleted on the server); returns how many were.
   * One pass over the list per call: the store calls it once per frame of deletes.
   */
  remove(ids: ReadonlySet<number>): number {
    let held = 0;
    for (const id of ids) if (this.ids.delete(id)) held += 1;
    if (held === 0) return 0;
    this.newer = this.newer.filter((item) => !ids.has(item.id));
    this.older = this.older.filter((item) => !ids.has(item.id));
    return held;
  }

  clear(): void {
    this.newer = [];
    this.older = [];
    this.ids.clear();
  }

  private unseen(items: readonly DeliveryListItem[]): DeliveryListItem[] {
    const fresh: DeliveryListItem[] = [];
    for (const item of items) {
      if (this.ids.has(item.id)) continue;
      this.ids.add(item.id);
      fresh.push(item);
    }
    return fresh;
  }

  private rebuild(fresh: DeliveryListItem[]): void {
    const all = this.older.concat(this.newer, fresh);
    all.sort((a, b) => b.id - a.id);
    this.older = all;
    this.newer = [];
  }
}

/** Index of `id` in an array sorted by id (direction 1: ascending, -1: descending), or -1. */
function binarySearch(items: readonly DeliveryListItem[], id: number, direction: 1 | -1): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = (items[middle] as DeliveryListItem).id;
    if (found === id) return middle;
    if (found < id === (direction === 1)) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
