import { useDeliveries } from './context';
import { isNarrowed } from './filter';
import { formatCount } from './format';

/**
 * "N deliveries" on the server for the current filter — "N matching" once a
 * search or filter beyond the inbox narrows it — and how many of them are loaded.
 */
export function ListHeader() {
  const total = useDeliveries((state) => state.total);
  const loaded = useDeliveries((state) => state.rows.count);
  const inbox = useDeliveries((state) => state.filter.inbox ?? null);
  const narrowed = useDeliveries((state) => isNarrowed(state.filter));
  const firstPage = useDeliveries((state) => state.firstPage);

  return (
    <div className="list-header" data-testid="delivery-count">
      {narrowed ? (
        <strong data-testid="match-count">
          {firstPage === 'loading' && loaded === 0 ? 'Searching…' : `${formatCount(total)} matching`}
        </strong>
      ) : (
        <strong>
          {formatCount(total)} {total === 1 ? 'delivery' : 'deliveries'}
        </strong>
      )}
      {inbox !== null && <span className="muted"> in {inbox}</span>}
      {loaded < total && <span className="muted"> · {formatCount(loaded)} loaded</span>}
    </div>
  );
}
