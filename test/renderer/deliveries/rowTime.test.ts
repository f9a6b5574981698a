import { describe, expect, it } from 'vitest';
import { formatRowTime, relativeTime } from '../../../src-renderer/features/deliveries/rowTime';

const local = (y: number, m: number, d: number, h = 12, min = 0, s = 0, ms = 0) =>
  new Date(y, m - 1, d, h, min, s, ms);

describe('row time', () => {
  const now = local(2026, 12, 3, 15, 0, 0);

  it('shows today by time, this year with month and day, older years with the year', () => {
    expect(formatRowTime(local(2026, 12, 3, 9, 5, 7, 12).toISOString(), now)).toBe('09:05:07.012');
    expect(formatRowTime(local(2026, 12, 2, 23, 59, 1).toISOString(), now)).toBe('12-02 23:59:01');
    expect(formatRowTime(local(2025, 3, 1, 8, 30).toISOString(), now)).toBe('2025-03-01 08:30');
    expect(formatRowTime('not a time', now)).toBe('not a time');
  });

  it('says how long ago, in both directions', () => {
    const ago = (ms: number) => relativeTime(new Date(now.getTime() - ms).toISOString(), now);
    expect(ago(1000)).toBe('just now');
    expect(ago(42_000)).toBe('42 s ago');
    expect(ago(3 * 60_000)).toBe('3 min ago');
    expect(ago(5 * 3_600_000)).toBe('5 h ago');
    expect(ago(86_400_000)).toBe('1 day ago');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
    expect(ago(400 * 86_400_000)).toBe('1 year ago');
    expect(ago(-30_000)).toBe('in 30 s');
  });
});
