/**
 * The row index a key moves the selection to, or null when the key is not a
 * list key. With nothing selected (`current` -1) any move starts at the top.
 */
export function nextIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
    case 'k':
      return current < 0 ? 0 : clamp(current - 1);
    case 'PageDown':
      return clamp(current + pageRows);
    case 'PageUp':
      return clamp(current - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
