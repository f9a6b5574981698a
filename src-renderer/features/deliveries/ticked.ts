import type { DeliveryRows } from './rows';

/**
 * The ticked rows after a click on `id`'s checkbox (or a ctrl/cmd-click on its
 * row). With `rangeFrom` (a shift-click), every row from there to `id` takes
 * the state `id` is given, as in a file manager; a range needs both ends loaded.
 */
export function toggleTicked(
  ticked: ReadonlySet<number>,
  id: number,
  rows: DeliveryRows,
  rangeFrom: number | null,
): Set<number> {
  const next = new Set(ticked);
  const on = !ticked.has(id);
  const from = rangeFrom === null ? -1 : rows.indexOf(rangeFrom);
  const to = rows.indexOf(id);
  if (from < 0 || to < 0) {
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }
  for (let index = Math.min(from, to); index <= Math.max(from, to); index++) {
    const item = rows.at(index);
    if (item === undefined) continue;
    if (on) next.add(item.id);
    else next.delete(item.id);
  }
  return next;
}

/** Oldest first: the order the platform sent them, and so the order a replay sends them again. */
export const tickedIds = (ticked: ReadonlySet<number>): number[] => [...ticked].sort((a, b) => a - b);
