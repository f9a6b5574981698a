import type { WebhookLogEntry } from '@contract';

export type StatusClass = 'all' | '2xx' | 'failed';

export interface LogFilter {
  statusClass: StatusClass;
  /** Matched against the update id and the error text. */
  query: string;
}

export type Outcome = 'ok' | 'failed' | 'unknown';

const statusOutcome = (status: number): Outcome => (status >= 200 && status < 300 ? 'ok' : 'failed');

/**
 * Failed: an error, or an answer outside 2xx (the platform retries those).
 * Unknown: neither a status nor an error could be read — Solafon's log fields
 * are not published, so an entry may carry neither under a name we know.
 */
export function outcomeOf(entry: WebhookLogEntry): Outcome {
  if (entry.error !== null) return 'failed';
  return entry.status === null ? 'unknown' : statusOutcome(entry.status);
}

export const isFailed = (entry: WebhookLogEntry): boolean => outcomeOf(entry) === 'failed';

function matchesQuery(entry: WebhookLogEntry, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return (
    (entry.updateId !== null && String(entry.updateId).includes(needle)) ||
    entry.error?.toLowerCase().includes(needle) === true
  );
}

export function filterLogs(items: readonly WebhookLogEntry[], filter: LogFilter): WebhookLogEntry[] {
  return items.filter((entry) => {
    if (filter.statusClass === '2xx' && outcomeOf(entry) !== 'ok') return false;
    if (filter.statusClass === 'failed' && !isFailed(entry)) return false;
    return matchesQuery(entry, filter.query);
  });
}

export interface StatusCount {
  /** The status code as text, "no answer" (an error and no status) or "unknown". */
  label: string;
  count: number;
  outcome: Outcome;
}

const NO_STATUS = { 'no answer': 1_000, unknown: 1_001 } as const;

/** Attempts per status code, lowest code first, then those that got no answer, then the unreadable. */
export function statusSplit(items: readonly WebhookLogEntry[]): StatusCount[] {
  const counts = new Map<string, StatusCount & { order: number }>();
  for (const entry of items) {
    const { status } = entry;
    const missing = entry.error !== null ? 'no answer' : 'unknown';
    const label = status === null ? missing : String(status);
    const known = counts.get(label);
    if (known !== undefined) {
      known.count += 1;
      continue;
    }
    counts.set(label, {
      label,
      count: 1,
      outcome: status === null ? (missing === 'no answer' ? 'failed' : 'unknown') : statusOutcome(status),
      order: status ?? NO_STATUS[missing],
    });
  }
  return [...counts.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ label, count, outcome }) => ({ label, count, outcome }));
}
