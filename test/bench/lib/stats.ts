export const median = (values: readonly number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/** Times `run` `times` times and gives the median, in ms. */
export async function timeMedian(times: number, run: () => Promise<unknown>): Promise<number> {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    spent.push(performance.now() - started);
  }
  return Math.round(median(spent) * 10) / 10;
}
