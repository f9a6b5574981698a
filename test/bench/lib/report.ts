// What a benchmark section found, and whether each target was met: printed
// as a table, and kept (bench-results.json beside the built app) for the README.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('../../../out/bench-results.json', import.meta.url));

export interface Target {
  name: string;
  actual: number;
  /** `>=`: at least the limit; `<=`: at most. */
  op: '>=' | '<=';
  limit: number;
  unit?: string;
}

export const met = (t: Target): boolean => (t.op === '>=' ? t.actual >= t.limit : t.actual <= t.limit);

export function report(section: string, measured: Record<string, unknown>, targets: Target[]): void {
  const lines = [`\n== ${section} ==`, JSON.stringify(measured, null, 2)];
  for (const t of targets) {
    const unit = t.unit ?? '';
    lines.push(
      `${met(t) ? 'PASS' : 'FAIL'}  ${t.name}: ${t.actual}${unit} (target ${t.op} ${t.limit}${unit})`,
    );
  }
  console.log(lines.join('\n'));
  const all = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>)
    : {};
  all[section] = {
    at: new Date().toISOString(),
    measured,
    targets: targets.map((t) => ({ ...t, met: met(t) })),
  };
  writeFileSync(RESULTS, JSON.stringify(all, null, 2));
}
