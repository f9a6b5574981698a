import { describe, expect, it } from 'vitest';
import { layoutResponseTimes } from '../../../src-renderer/features/logs/chart';
import { filterLogs, outcomeOf, statusSplit } from '../../../src-renderer/features/logs/filter';
import { makeLogEntry } from '../support/bots';

const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 12, 0, second)).toISOString();

const LOG = [
  makeLogEntry({ updateId: 101, status: 200, time: at(0), responseTimeMs: 100 }),
  makeLogEntry({ updateId: 102, status: 500, time: at(10), responseTimeMs: 300 }),
  makeLogEntry({
    updateId: 102,
    status: null,
    error: 'Connection refused',
    time: at(20),
    responseTimeMs: null,
  }),
  makeLogEntry({ updateId: 103, status: 200, time: at(30), responseTimeMs: 200 }),
  makeLogEntry({ updateId: null, status: null, error: null, time: null, responseTimeMs: null }),
];

describe('log filter', () => {
  it('tells ok, failed and unreadable attempts apart', () => {
    expect(LOG.map(outcomeOf)).toEqual(['ok', 'failed', 'failed', 'ok', 'unknown']);
  });

  it('filters by status class', () => {
    const ids = (statusClass: 'all' | '2xx' | 'failed') =>
      filterLogs(LOG, { statusClass, query: '' }).map((entry) => entry.updateId);
    expect(ids('all')).toEqual([101, 102, 102, 103, null]);
    expect(ids('2xx')).toEqual([101, 103]);
    expect(ids('failed')).toEqual([102, 102]);
  });

  it('filters by update id or error text, case-insensitively, combined with the class', () => {
    expect(filterLogs(LOG, { statusClass: 'all', query: '103' }).map((entry) => entry.updateId)).toEqual([
      103,
    ]);
    expect(filterLogs(LOG, { statusClass: 'all', query: ' REFUSED ' }).map((entry) => entry.status)).toEqual([
      null,
    ]);
    expect(filterLogs(LOG, { statusClass: '2xx', query: '102' })).toEqual([]);
  });
});

describe('statusSplit', () => {
  it('counts attempts per status, then those with no answer, then the unreadable', () => {
    expect(statusSplit(LOG)).toEqual([
      { label: '200', count: 2, outcome: 'ok' },
      { label: '500', count: 1, outcome: 'failed' },
      { label: 'no answer', count: 1, outcome: 'failed' },
      { label: 'unknown', count: 1, outcome: 'unknown' },
    ]);
    expect(statusSplit([])).toEqual([]);
  });
});

describe('layoutResponseTimes', () => {
  it('places attempts by time and response time inside the box, failures marked', () => {
    const chart = layoutResponseTimes(LOG, { width: 340, height: 140, padding: 20 });
    expect(chart.xAxis).toBe('time');
    expect(chart.maxMs).toBe(300);
    // The unreadable attempt has nothing to plot.
    expect(chart.points).toHaveLength(4);
    expect(chart.points.map((point) => [point.x, point.y, point.failed])).toEqual([
      [20, 120 - (100 / 300) * 100, false],
      [120, 20, true],
      // No answer: on the baseline, in red, outside the line.
      [220, 120, true],
      [320, 120 - (200 / 300) * 100, false],
    ]);
    expect(chart.line.map((point) => point.ms)).toEqual([100, 300, 200]);
    expect(chart.points[1]?.label).toBe('update 102 · 300 ms · 500');
    expect(chart.points[2]?.label).toBe('update 102 · no time · Connection refused');
  });

  it('falls back to the log order when a time is missing, and copes with one point', () => {
    const chart = layoutResponseTimes(
      [
        makeLogEntry({ time: null, responseTimeMs: 50 }),
        makeLogEntry({ time: 'garbage', responseTimeMs: 150 }),
      ],
      { width: 120, height: 100, padding: 10 },
    );
    expect(chart.xAxis).toBe('order');
    expect(chart.points.map((point) => point.x)).toEqual([10, 110]);
    expect(chart.firstTime).toBeNull();
    const single = layoutResponseTimes([makeLogEntry({ responseTimeMs: 80 })], {
      width: 120,
      height: 100,
      padding: 10,
    });
    expect(single.points.map((point) => [point.x, point.y])).toEqual([[60, 10]]);
  });
});
