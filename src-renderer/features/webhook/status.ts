import type { WebhookInfo } from '@contract';
import { formatUnixSeconds } from '../../shared/time';

/** "Pending: 3 updates waiting", as plain words. */
export function pendingText(count: number | null): string {
  if (count === null) return 'Pending: unknown (the platform does not report it)';
  return `Pending: ${count} ${count === 1 ? 'update' : 'updates'} waiting`;
}

/** "Last error (2024-01-01 13:00:05): Connection refused", the time in local time. */
export function lastErrorText(info: Pick<WebhookInfo, 'lastErrorDate' | 'lastErrorMessage'>): string {
  const { lastErrorDate, lastErrorMessage } = info;
  if (lastErrorDate === null && (lastErrorMessage === null || lastErrorMessage === '')) {
    return 'Last error: none reported';
  }
  const when = lastErrorDate === null ? 'time unknown' : formatUnixSeconds(lastErrorDate);
  return `Last error (${when}): ${lastErrorMessage || 'no message'}`;
}
