import type { DeliveryFilter, DeliveryListItem } from '@contract';
import type { DataClient } from '../../api';
import { listInput } from './filter';
import { type Ordered, pageAfter } from './order';

/** The contract's largest page: what a catch-up asks for at once. */
export const CATCH_UP_LIMIT = 1000;

export interface CaughtUp {
  /** In list order; the store places each where it belongs. */
  items: DeliveryListItem[];
  total: number;
  totalExact: boolean;
  unsearched: number;
}

/**
 * What matches `filter` and arrived after id `after`, for a list in the
 * `catch-up` live mode. The answer comes in list order: while full pages come
 * back, the rest follows the last row (the cursor), so nothing in between is
 * skipped. Null when `current()` turns false on the way (the list started
 * over): the answer would belong to another list.
 */
export async function readArrivedSince(
  client: DataClient,
  filter: DeliveryFilter,
  after: number,
  current: () => boolean,
  limit = CATCH_UP_LIMIT,
): Promise<CaughtUp | null> {
  const found: CaughtUp = { items: [], total: 0, totalExact: true, unsearched: 0 };
  let cursor: ReturnType<typeof pageAfter> | undefined;
  for (;;) {
    const page = await client.call('deliveries.list', listInput(filter, { limit, after, ...cursor }));
    if (!current()) return null;
    for (const item of page.items) found.items.push(item);
    found.total = page.total;
    found.totalExact = page.totalExact !== false;
    found.unsearched = Math.max(found.unsearched, page.unsearched ?? 0);
    const last: Ordered | undefined = page.items.at(-1);
    if (page.items.length < limit || last === undefined) return found;
    cursor = pageAfter(last);
  }
}
