import { matches } from '../shortcuts/registry';

type KeyEventLike = Parameters<typeof matches>[1];

/**
 * The row index a key moves the selection to, or null when the key is not a
 * list key (see the shortcut registry). With nothing selected (`current` -1) any move starts at the top.
 */
export function nextIndex(
  event: KeyEventLike,
  current: number,
  count: number,
  pageRows: number,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  if (matches('list.down', event)) return current < 0 ? 0 : clamp(current + 1);
  if (matches('list.up', event)) return current < 0 ? 0 : clamp(current - 1);
  if (matches('list.pageDown', event)) return clamp(current + pageRows);
  if (matches('list.pageUp', event)) return clamp(current - pageRows);
  if (matches('list.first', event)) return 0;
  if (matches('list.last', event)) return last;
  return null;
}
