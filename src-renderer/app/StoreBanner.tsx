import type { StoreStatus } from '@contract';
import { formatIso } from '../shared/time';

/**
 * Says, above everything, that the team server's database is away: what the
 * platforms are told meanwhile, and that nothing has to be restarted.
 */
export function StoreBanner({ status }: { status: StoreStatus | null }) {
  if (status === null || status.state === 'ok') return null;
  return (
    <div className="store-banner" role="alert" data-testid="store-unavailable">
      <strong>The team database cannot be reached</strong> (since {formatIso(status.since)}
      {status.reason === null ? '' : `: ${status.reason}`}). Deliveries are answered 503 so the platforms send
      them again; this clears by itself when the database is back.
    </div>
  );
}
