import type { WebhookLogEntry } from '@contract';
import { isFailed } from './filter';

export interface ChartPoint {
  x: number;
  /** On the baseline for a failed attempt that has no response time. */
  y: number;
  ms: number | null;
  failed: boolean;
  /** What a tooltip says about this attempt. */
  label: string;
}

export interface ResponseTimeChart {
  width: number;
  height: number;
  padding: number;
  /** Points with a response time, in time order: the line is drawn through these. */
  line: ChartPoint[];
  /** Every point, including failures that got no answer. */
  points: ChartPoint[];
  maxMs: number;
  /** Whether x is time, or (some attempt has no parsable time) the log's own order. */
  xAxis: 'time' | 'order';
  firstTime: number | null;
  lastTime: number | null;
}

const timeOf = (entry: WebhookLogEntry): number | null => {
  if (entry.time === null) return null;
  const ms = Date.parse(entry.time);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * Lays out response times over time in a width × height box: pure, so the
 * drawing is tested without a browser. Attempts with neither a response
 * time nor a failure are left out: there is nothing to plot.
 */
export function layoutResponseTimes(
  entries: readonly WebhookLogEntry[],
  { width = 600, height = 160, padding = 24 } = {},
): ResponseTimeChart {
  const plotted = entries
    .map((entry, index) => ({ entry, index, time: timeOf(entry), failed: isFailed(entry) }))
    .filter(({ entry, failed }) => entry.responseTimeMs !== null || failed);
  const byTime = plotted.every((item) => item.time !== null);
  if (byTime) plotted.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));

  const times = plotted.map((item) => item.time ?? 0);
  const firstTime = byTime && plotted.length > 0 ? Math.min(...times) : null;
  const lastTime = byTime && plotted.length > 0 ? Math.max(...times) : null;
  const maxMs = Math.max(1, ...plotted.map((item) => item.entry.responseTimeMs ?? 0));
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  const baseline = height - padding;

  const xOf = (time: number | null, position: number) => {
    if (byTime && firstTime !== null && lastTime !== null && time !== null) {
      return lastTime === firstTime
        ? padding + innerWidth / 2
        : padding + ((time - firstTime) / (lastTime - firstTime)) * innerWidth;
    }
    return plotted.length <= 1
      ? padding + innerWidth / 2
      : padding + (position / (plotted.length - 1)) * innerWidth;
  };

  const points = plotted.map(({ entry, time, failed }, position): ChartPoint => {
    const ms = entry.responseTimeMs;
    const what = entry.status === null ? (entry.error ?? 'no answer') : String(entry.status);
    return {
      x: xOf(time, position),
      y: ms === null ? baseline : baseline - (ms / maxMs) * innerHeight,
      ms,
      failed,
      label: `${entry.updateId === null ? 'update ?' : `update ${entry.updateId}`} · ${
        ms === null ? 'no time' : `${Math.round(ms)} ms`
      } · ${what}`,
    };
  });

  return {
    width,
    height,
    padding,
    line: points.filter((point) => point.ms !== null),
    points,
    maxMs,
    xAxis: byTime ? 'time' : 'order',
    firstTime,
    lastTime,
  };
}
