import { useDeliveries } from './context';
import { formatCount } from './format';

/** "N deliveries" on the server for the current filter, and how many of them are loaded. */
export function ListHeader() {
  const total = useDeliveries((state) => state.total);
  const loaded = useDeliveries((state) => state.rows.count);
  const inbox = useDeliveries((state) => state.inbox);

  return (
    <div className="list-header" data-testid="delivery-count">
      <strong>
        {formatCount(total)} {total === 1 ? 'delivery' : 'deliveries'}
      </strong>
      {inbox !== null && <span className="muted"> in {inbox}</span>}
      {loaded < total && <span className="muted"> · {formatCount(loaded)} loaded</span>}
    </div>
  );
}
