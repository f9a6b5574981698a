import type { AuditEntry } from '@contract';
import { TableHead } from '../../components/TableHead';
import { formatIso } from '../../shared/time';

/** Newest first: when, who (with the role they had then), what, on what, and how it ended. */
export function AuditTable({ items }: { items: AuditEntry[] }) {
  return (
    <table className="data-table" data-testid="audit-table">
      <TableHead columns={['When', 'Who', 'Method', 'Target', 'Outcome']} />
      <tbody>
        {items.map((entry) => (
          <tr key={entry.id} data-testid="audit-row" data-id={entry.id}>
            <td className="nowrap">{formatIso(entry.at)}</td>
            <td>
              {entry.personName} <span className="muted">({entry.role})</span>
            </td>
            <td>
              <code>{entry.method}</code>
            </td>
            <td>{entry.target ?? <span className="muted">—</span>}</td>
            <td>
              {entry.outcome === 'ok' ? (
                <span className="audit-ok">ok</span>
              ) : (
                <span className="error-text" title={entry.error ?? undefined}>
                  error{entry.error === null ? '' : `: ${entry.error}`}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
