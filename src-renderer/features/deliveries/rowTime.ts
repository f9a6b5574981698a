import { formatFullTime, formatTime } from './format';

const pad = (value: number) => String(value).padStart(2, '0');

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * What a row's time cell says: today's deliveries by their time to the millisecond (many arrive a
 * second); any other day's with the date in front, so an imported delivery from last March does not
 * pass for today's. The year is left out within the current one, to fit the column.
 */
export function formatRowTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (sameDay(date, now)) return formatTime(iso);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const day = `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  if (date.getFullYear() === now.getFullYear()) return `${day} ${time}`;
  return `${date.getFullYear()}-${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const UNITS: ReadonlyArray<[limitSeconds: number, seconds: number, unit: string]> = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [86_400, 3600, 'h'],
  [30 * 86_400, 86_400, 'day'],
  [365 * 86_400, 30 * 86_400, 'month'],
  [Number.POSITIVE_INFINITY, 365 * 86_400, 'year'],
];

/** "3 min ago", "2 days ago", "in 5 s" (a clock ahead of ours): for the time cell's hover. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now.getTime() - then) / 1000);
  const size = Math.abs(seconds);
  if (size < 5) return 'just now';
  for (const [limit, unitSeconds, unit] of UNITS) {
    if (size >= limit) continue;
    const count = Math.floor(size / unitSeconds);
    const plural = count === 1 || unit === 's' || unit === 'min' || unit === 'h' ? '' : 's';
    const amount = `${count} ${unit}${plural}`;
    return seconds >= 0 ? `${amount} ago` : `in ${amount}`;
  }
  return iso;
}

/** The time cell's hover: how long ago, then the full local and UTC time. */
export const rowTimeTitle = (iso: string, now: Date = new Date()): string =>
  `${relativeTime(iso, now)} · ${formatFullTime(iso)}`;
