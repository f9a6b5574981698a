import type { DeliveryFilter } from '@contract';
import type { DeliveryStore } from './store';

const PAGE = 1000;

/**
 * The ids of the deliveries a filter matches, oldest first (the order they
 * arrived in), read a page at a time through the store's search so
 * both engines give the same ids. With `cap`, only the newest `cap` of them:
 * a replay is bounded, an export takes everything.
 */
export async function idsMatching(
  deliveries: DeliveryStore,
  filter: DeliveryFilter,
  cap = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const ids: number[] = [];
  // The page's last row, by id and time: should it be deleted meanwhile, its time still places the next page.
  let before: number | undefined;
  let beforeAt: string | undefined;
  while (ids.length < cap) {
    const page = await deliveries.search({ ...filter, before, beforeAt, limit: PAGE });
    for (const item of page.items) ids.push(item.id);
    const last = page.items.at(-1);
    if (page.items.length < PAGE || last === undefined) break;
    before = last.id;
    beforeAt = last.receivedAt;
  }
  if (ids.length > cap) ids.length = cap;
  return ids.reverse();
}
