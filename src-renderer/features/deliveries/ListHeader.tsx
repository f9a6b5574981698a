import type { ReactNode } from 'react';
import { useDeliveries, useSelection } from './context';
import { isNarrowed } from './filter';
import { formatCount } from './format';

/**
 * "N deliveries" on the server for the current filter — "N matching" once a
 * search or filter beyond the inbox narrows it — and how many of them are loaded;
 * then how many rows are ticked, and the bulk actions the app passes in.
 */
export function ListHeader({ actions }: { actions?: ReactNode }) {
  const total = useDeliveries((state) => state.total);
  const exact = useDeliveries((state) => state.totalExact);
  // Past its bound the server stops counting: say so rather than show a number that is not the count.
  const count = `${formatCount(total)}${exact ? '' : '+'}`;
  const loaded = useDeliveries((state) => state.rows.count);
  const inbox = useDeliveries((state) => state.filter.inbox ?? null);
  const narrowed = useDeliveries((state) => isNarrowed(state.filter));
  const firstPage = useDeliveries((state) => state.firstPage);
  const tickedCount = useSelection((state) => state.ticked.size);
  const clearTicked = useSelection((state) => state.clearTicked);
  const unsearched = useDeliveries((state) => state.unsearched);

  return (
    <div className="list-header" data-testid="delivery-count">
      {narrowed ? (
        <strong data-testid="match-count">
          {firstPage === 'loading' && loaded === 0 ? 'Searching…' : `${count} matching`}
        </strong>
      ) : (
        <strong>
          {count} {total === 1 && exact ? 'delivery' : 'deliveries'}
        </strong>
      )}
      {inbox !== null && <span className="muted"> in {inbox}</span>}
      {(loaded < total || !exact) && <span className="muted"> · {formatCount(loaded)} loaded</span>}
      {unsearched > 0 && (
        <span className="muted" data-testid="search-catching-up" role="status">
          {' · '}search is catching up: the newest {formatCount(unsearched)} not searched yet
        </span>
      )}
      {tickedCount > 0 && (
        <span className="list-selection">
          {' · '}
          <strong data-testid="selection-count">{formatCount(tickedCount)} selected</strong>{' '}
          <button type="button" className="link-button" data-testid="selection-clear" onClick={clearTicked}>
            Clear selection
          </button>
        </span>
      )}
      {actions !== undefined && <span className="list-actions">{actions}</span>}
    </div>
  );
}
