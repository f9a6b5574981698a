import type { BotProfile } from '@contract';
import { type ReactNode, useMemo } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatLocalDateTime } from '../../shared/time';
import { usePolling } from '../../shared/usePolling';
import { useLogs } from './context';
import { filterLogs } from './filter';
import { LogsFilter } from './LogsFilter';
import { LogsTable } from './LogsTable';
import { ResponseTimeChart } from './ResponseTimeChart';
import { StatusSplit } from './StatusSplit';
import './logs.css';

const attempts = (count: number) => `${count} ${count === 1 ? 'attempt' : 'attempts'}`;

/** The log is read from the platform's app settings: not worth asking more often. */
export const LOGS_POLL_MS = 5_000;

export function LogsPanel({ profile }: { profile: BotProfile }) {
  const current = useLogs((state) => state.profileId === profile.id);
  const items = useLogs((state) => state.items);
  const loaded = useLogs((state) => state.loaded);
  const checkedAt = useLogs((state) => state.checkedAt);
  const error = useLogs((state) => state.error);
  const unavailable = useLogs((state) => state.unavailable);
  const statusClass = useLogs((state) => state.statusClass);
  const query = useLogs((state) => state.query);
  const refresh = useLogs((state) => state.refresh);

  usePolling(() => refresh(profile.id), LOGS_POLL_MS, profile.id);

  // The chart and the split describe the same attempts as the table: what the filter lets through.
  const shown = useMemo(() => filterLogs(items, { statusClass, query }), [items, statusClass, query]);

  // Until a first read succeeds, a failure is all there is to show: the error above the body.
  let body: ReactNode = null;
  if (!current || (!loaded && error === null)) {
    body = <p className="note">Reading the delivery log…</p>;
  } else if (unavailable !== null) {
    body = (
      <p className="note info-note" role="status" data-testid="logs-unavailable">
        {unavailable}
      </p>
    );
  } else if (loaded) {
    body = (
      <>
        <LogsFilter />
        <p className="muted small" data-testid="logs-count">
          {shown.length === items.length
            ? attempts(items.length)
            : `${shown.length} of ${attempts(items.length)}`}
        </p>
        <div className="logs-overview">
          <ResponseTimeChart items={shown} />
          <StatusSplit items={shown} />
        </div>
        {shown.length === 0 ? (
          <p className="note">
            {items.length === 0 ? 'The platform lists no delivery attempts.' : 'No attempt matches.'}
          </p>
        ) : (
          <LogsTable items={shown} />
        )}
      </>
    );
  }

  return (
    <section className="panel" data-testid="logs-panel" aria-label="Delivery logs">
      <header className="panel-header">
        <h2>Delivery logs</h2>
        <span className="muted">
          {profile.name} · {profile.platform}
        </span>
        <span className="header-spacer" />
        <span className="muted small">
          {checkedAt === null ? '' : `Read ${formatLocalDateTime(new Date(checkedAt))}, every 5 s`}
        </span>
        <button
          type="button"
          className="button"
          data-testid="logs-refresh"
          onClick={() => void refresh(profile.id)}
        >
          Refresh
        </button>
      </header>
      <div className="panel-body">
        {error !== null && (
          <ErrorMessage message={`Could not read the delivery log: ${error.message}`} testId="logs-error" />
        )}
        {body}
      </div>
    </section>
  );
}
