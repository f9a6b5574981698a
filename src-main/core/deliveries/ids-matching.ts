import type { DeliveryFilter } from '@contract';
import type { DeliveryStore } from './store';

const PAGE = 1000;

/**
 * The ids of the deliveries a filter matches, oldest first (the order the
 * platform sent them), read a page at a time through the store's search so
 * both engines give the same ids. With `cap`, only the newest `cap` of them:
 * a replay is bounded, an export takes everything.
 */
export async function idsMatching(
  deliveries: DeliveryStore,
  filter: DeliveryFilter,
  cap = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const ids: number[] = [];
  let before: number | undefined;
  while (ids.length < cap) {
    const page = await deliveries.search({ ...filter, before, limit: PAGE });
    for (const item of page.items) ids.push(item.id);
    if (page.items.length < PAGE) break;
    before = page.items.at(-1)?.id;
  }
  if (ids.length > cap) ids.length = cap;
  return ids.reverse();
}
