import type { WebhookLogEntry } from '@contract';
import { formatIso } from '../../shared/time';
import { statusTone } from '../deliveries/format';

const none = <span className="muted">—</span>;

/** The status the platform got, and its error when there is one; Solafon's field names are guessed, so either may be missing. */
function Outcome({ entry }: { entry: WebhookLogEntry }) {
  return (
    <>
      {entry.status === null ? (
        entry.error === null ? (
          <span className="muted">unknown</span>
        ) : (
          <span className="status status-server-error">no answer</span>
        )
      ) : (
        <span className={`status status-${statusTone(entry.status)}`}>{entry.status}</span>
      )}
      {entry.error !== null && <span className="error-text"> {entry.error}</span>}
    </>
  );
}

export function LogsTable({ items }: { items: readonly WebhookLogEntry[] }) {
  return (
    <table className="data-table logs-table">
      <thead>
        <tr>
          <th>Time</th>
          <th>Update id</th>
          <th>Status or error</th>
          <th className="numeric">Response time</th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry, index) => (
          // Entries have no id of their own, and the same update can be tried several times.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole on each read, never reordered in place.
          <tr key={index} data-testid="log-row">
            <td className="nowrap">{formatIso(entry.time)}</td>
            <td>{entry.updateId ?? none}</td>
            <td>
              <Outcome entry={entry} />
            </td>
            <td className="numeric">
              {entry.responseTimeMs === null ? none : `${Math.round(entry.responseTimeMs)} ms`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
