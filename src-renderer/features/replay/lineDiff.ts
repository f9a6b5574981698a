export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Past this many lines a side, the LCS table (lines × lines) would cost too much: shown whole instead. */
const MAX_LINES = 2000;

/**
 * A line diff of `before` and `after` (longest common subsequence), in
 * order: lines only in `before` are `removed`, only in `after` `added`.
 * Beyond MAX_LINES a side it says every line changed rather than stall the tab.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  if (before === after)
    return before === '' ? [] : before.split('\n').map((text) => ({ kind: 'same', text }));
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [
      ...a.map((text): DiffLine => ({ kind: 'removed', text })),
      ...b.map((text): DiffLine => ({ kind: 'added', text })),
    ];
  }
  // lcs[i][j]: the common subsequence's length of a[i…] and b[j…], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      lines.push({ kind: 'removed', text: a[i++] as string });
    } else {
      lines.push({ kind: 'added', text: b[j++] as string });
    }
  }
  while (i < a.length) lines.push({ kind: 'removed', text: a[i++] as string });
  while (j < b.length) lines.push({ kind: 'added', text: b[j++] as string });
  return lines;
}

/** JSON pretty-printed for a diff, so one changed field is one changed line; other text as it is. */
export function forDiff(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
