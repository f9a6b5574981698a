import type { WebhookLogEntry } from '@contract';
import { useMemo } from 'react';
import { formatLocalDateTime } from '../../shared/time';
import { layoutResponseTimes } from './chart';

const WIDTH = 600;
const HEIGHT = 160;
const PADDING = 24;

/** Response times over time, drawn by hand: one polyline, failed attempts in red. */
export function ResponseTimeChart({ items }: { items: readonly WebhookLogEntry[] }) {
  const chart = useMemo(
    () => layoutResponseTimes(items, { width: WIDTH, height: HEIGHT, padding: PADDING }),
    [items],
  );
  const baseline = HEIGHT - PADDING;

  return (
    <figure className="chart" data-testid="logs-chart">
      <figcaption className="muted small">
        Response time per attempt ({chart.xAxis === 'time' ? 'over time' : 'in log order'}); red: failed
      </figcaption>
      {chart.points.length === 0 ? (
        <p className="note">No response times to draw.</p>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="chart-svg"
          role="img"
          aria-label={`Response times of ${chart.points.length} attempts, up to ${Math.round(chart.maxMs)} ms`}
        >
          <line className="chart-axis" x1={PADDING} y1={baseline} x2={WIDTH - PADDING} y2={baseline} />
          <line className="chart-axis" x1={PADDING} y1={PADDING} x2={PADDING} y2={baseline} />
          <text className="chart-label" x={PADDING + 4} y={PADDING - 8}>
            {Math.round(chart.maxMs)} ms
          </text>
          <text className="chart-label" x={PADDING + 4} y={baseline - 4}>
            0
          </text>
          {chart.firstTime !== null && chart.lastTime !== null && (
            <>
              <text className="chart-label" x={PADDING} y={HEIGHT - 6}>
                {formatLocalDateTime(new Date(chart.firstTime))}
              </text>
              <text className="chart-label" x={WIDTH - PADDING} y={HEIGHT - 6} textAnchor="end">
                {formatLocalDateTime(new Date(chart.lastTime))}
              </text>
            </>
          )}
          {chart.line.length > 1 && (
            <polyline
              className="chart-line"
              fill="none"
              points={chart.line.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ')}
            />
          )}
          {chart.points.map((point, index) => (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: points are recomputed whole from the entries; position is their identity.
              key={index}
              className={point.failed ? 'chart-point chart-point-failed' : 'chart-point'}
              data-failed={String(point.failed)}
              cx={point.x.toFixed(1)}
              cy={point.y.toFixed(1)}
              r={point.failed ? 4 : 3}
            >
              <title>{point.label}</title>
            </circle>
          ))}
        </svg>
      )}
    </figure>
  );
}
