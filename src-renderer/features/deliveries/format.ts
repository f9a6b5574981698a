import type { SummaryUser } from '@contract';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** HH:MM:SS.mmm in local time: deliveries often arrive many per second. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Full local date and time, plus the UTC instant as stored. */
export function formatFullTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatTime(iso)}`;
  return `${local} local (${iso})`;
}

export type StatusTone = 'ok' | 'redirect' | 'client-error' | 'server-error' | 'other';

export function statusTone(status: number): StatusTone {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 300 && status < 400) return 'redirect';
  if (status >= 400 && status < 500) return 'client-error';
  if (status >= 500 && status < 600) return 'server-error';
  return 'other';
}

export function userLabel(user: SummaryUser | null): string {
  if (user === null) return '';
  return user.name ?? (user.username === null ? String(user.id) : `@${user.username}`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

const count = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return count.format(value);
}

/** The path as the receiver saw it, with the query string when there was one. */
export function pathWithQuery(path: string, query: string): string {
  if (query === '' || query === '?') return path;
  return query.startsWith('?') ? `${path}${query}` : `${path}?${query}`;
}
