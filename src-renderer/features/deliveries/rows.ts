import type { DeliveryListItem } from '@contract';
import { compareNewestFirst } from './order';

/**
 * More rows than this out of place in one batch are merged in one linear pass
 * instead of one binary search and one splice each (a splice moves the rows below).
 */
const SPLICE_LIMIT = 64;

export interface AddNewerOptions {
  /**
   * False while older pages remain unread: a row older than the oldest loaded
   * one is then left out (its page brings it), so the list never shows it
   * below a gap. Default true: the list holds everything down to the oldest.
   */
  holdsOldest?: boolean;
}

/**
 * All loaded deliveries in list order (see compareNewestFirst), held so that
 * the hot paths never copy the whole list: a frame of live arrivals and a page
 * of older history are both O(batch). Two append-only arrays meet in the middle:
 *
 *   row 0 … newer.length-1         → `newer` read backwards (oldest first; live items push onto its end)
 *   row newer.length … count-1     → `older` read forwards (newest first; older pages push onto its end)
 *
 * Arrivals are nearly always the newest row, so the top is checked first; one
 * that is not (an imported delivery, a clock step, a race) is placed by binary
 * search. The object is mutated in place; the store bumps a version counter so
 * React notices.
 */
export class DeliveryRows {
  private newer: DeliveryListItem[] = [];
  private older: DeliveryListItem[] = [];
  private readonly byId = new Map<number, DeliveryListItem>();
  private largestId = 0;

  get count(): number {
    return this.newer.length + this.older.length;
  }

  at(index: number): DeliveryListItem | undefined {
    if (index < 0) return undefined;
    const newerCount = this.newer.length;
    return index < newerCount ? this.newer[newerCount - 1 - index] : this.older[index - newerCount];
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  /** Row index of an id, or -1: a binary search by the row's place in the order. */
  indexOf(id: number): number {
    const item = this.byId.get(id);
    if (item === undefined) return -1;
    const index = this.insertionIndex(item);
    return this.at(index)?.id === id ? index : -1;
  }

  get newestId(): number | null {
    return this.at(0)?.id ?? null;
  }

  get oldestId(): number | null {
    return this.last?.id ?? null;
  }

  /** The bottom row: where the next older page starts. */
  get last(): DeliveryListItem | undefined {
    return this.at(this.count - 1);
  }

  /**
   * The largest id ever added or left for paging since the last clear: what a
   * catch-up asks to see past (`after`), since ids grow with arrival, not with
   * received time.
   */
  get maxId(): number {
    return this.largestId;
  }

  /**
   * Adds arrivals (live items, a catch-up, the newest page) in any order,
   * skipping ids already held. Returns how many were new to the list, counting
   * those left out for paging (see `holdsOldest`): they arrived all the same.
   */
  addNewer(items: readonly DeliveryListItem[], options: AddNewerOptions = {}): number {
    const fresh = this.unseen(items);
    if (fresh.length === 0) return 0;
    fresh.sort(compareNewestFirst);
    const top = this.at(0);
    // The usual case: everything is newer than the top row.
    let onTop = 0;
    while (
      onTop < fresh.length &&
      (top === undefined || compareNewestFirst(fresh[onTop] as DeliveryListItem, top) < 0)
    ) {
      onTop += 1;
    }
    for (let index = onTop - 1; index >= 0; index--) this.hold(fresh[index] as DeliveryListItem, this.newer);
    if (onTop === fresh.length) return fresh.length;

    const last = this.last;
    const rest: DeliveryListItem[] = [];
    for (let index = onTop; index < fresh.length; index++) {
      const item = fresh[index] as DeliveryListItem;
      if (options.holdsOldest === false && last !== undefined && compareNewestFirst(item, last) > 0) continue;
      rest.push(item);
    }
    if (rest.length > SPLICE_LIMIT) {
      this.merge(rest);
    } else {
      for (const item of rest) this.insert(item);
    }
    return fresh.length;
  }

  /** Adds a page that should be older than everything held (read with the last row as cursor). */
  addOlder(items: readonly DeliveryListItem[]): number {
    const fresh = this.unseen(items);
    if (fresh.length === 0) return 0;
    fresh.sort(compareNewestFirst);
    const last = this.last;
    if (last === undefined || compareNewestFirst(fresh[0] as DeliveryListItem, last) > 0) {
      for (const item of fresh) this.hold(item, this.older);
    } else {
      this.merge(fresh);
    }
    return fresh.length;
  }

  /**
   * Drops these ids where held (deleted on the server); returns how many were.
   * One pass over the list per call: the store calls it once per frame of deletes.
   */
  remove(ids: ReadonlySet<number>): number {
    let held = 0;
    for (const id of ids) if (this.byId.delete(id)) held += 1;
    if (held === 0) return 0;
    this.newer = this.newer.filter((item) => !ids.has(item.id));
    this.older = this.older.filter((item) => !ids.has(item.id));
    return held;
  }

  clear(): void {
    this.newer = [];
    this.older = [];
    this.byId.clear();
    this.largestId = 0;
  }

  /** New ids only, each once; every one of them raises `maxId`, held or not. */
  private unseen(items: readonly DeliveryListItem[]): DeliveryListItem[] {
    const fresh: DeliveryListItem[] = [];
    const seen = new Set<number>();
    for (const item of items) {
      if (this.byId.has(item.id) || seen.has(item.id)) continue;
      seen.add(item.id);
      if (item.id > this.largestId) this.largestId = item.id;
      fresh.push(item);
    }
    return fresh;
  }

  private hold(item: DeliveryListItem, into: DeliveryListItem[]): void {
    this.byId.set(item.id, item);
    into.push(item);
  }

  /** The row index `item` has (or would have) in the order: the first row it comes before. */
  private insertionIndex(item: DeliveryListItem): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareNewestFirst(this.at(middle) as DeliveryListItem, item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private insert(item: DeliveryListItem): void {
    const index = this.insertionIndex(item);
    const newerCount = this.newer.length;
    this.byId.set(item.id, item);
    // Row `index` of `newer` (read backwards) is array position newerCount - index.
    if (index <= newerCount) this.newer.splice(newerCount - index, 0, item);
    else this.older.splice(index - newerCount, 0, item);
  }

  /** Merges sorted `items` (newest first) into the list in one pass; the result is all in `older`. */
  private merge(items: readonly DeliveryListItem[]): void {
    // The held rows in order, as one array: native copies, then a plain two-finger merge.
    const held = this.newer.slice().reverse().concat(this.older);
    const all: DeliveryListItem[] = new Array(held.length + items.length);
    let fromHeld = 0;
    let fromItems = 0;
    for (let out = 0; out < all.length; out++) {
      const next = items[fromItems];
      const row = held[fromHeld];
      if (row === undefined || (next !== undefined && compareNewestFirst(next, row) < 0)) {
        all[out] = next as DeliveryListItem;
        this.byId.set((next as DeliveryListItem).id, next as DeliveryListItem);
        fromItems += 1;
      } else {
        all[out] = row;
        fromHeld += 1;
      }
    }
    this.older = all;
    this.newer = [];
  }
}
