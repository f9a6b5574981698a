import type { WebhookLogEntry } from '@contract';
import { useMemo } from 'react';
import { statusSplit } from './filter';

const BAR_WIDTH = 160;
const BAR_HEIGHT = 10;

/** How the attempts ended, one small bar per status code (SVG: the page's CSP allows no inline styles). */
export function StatusSplit({ items }: { items: readonly WebhookLogEntry[] }) {
  const split = useMemo(() => statusSplit(items), [items]);
  const largest = Math.max(1, ...split.map((item) => item.count));

  return (
    <section className="status-split" aria-label="Status codes" data-testid="logs-status-split">
      <h3>Status codes</h3>
      {split.length === 0 ? (
        <p className="note">No attempts.</p>
      ) : (
        <ul>
          {split.map((item) => (
            <li key={item.label} data-testid="status-count" data-status={item.label}>
              <span className={`status-label outcome-${item.outcome}`}>{item.label}</span>
              <svg width={BAR_WIDTH} height={BAR_HEIGHT} aria-hidden="true" className="bar">
                <rect
                  className={`bar-fill outcome-${item.outcome}`}
                  width={Math.max(2, (item.count / largest) * BAR_WIDTH)}
                  height={BAR_HEIGHT}
                  rx={2}
                />
              </svg>
              <span className="status-count">{item.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
