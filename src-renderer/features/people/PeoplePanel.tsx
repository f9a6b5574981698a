import { useEffect } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAllowed } from '../../shared/access';
import { formatIso } from '../../shared/time';
import { AddPersonForm } from './AddPersonForm';
import { usePeople } from './context';
import './people.css';
import { FormError } from '../../components/FormFooter';
import { TableHead } from '../../components/TableHead';

/** Who may open this team server, with which role; a revoked token opens nothing and cuts its sessions. */
export function PeoplePanel() {
  const start = usePeople((state) => state.start);
  const stop = usePeople((state) => state.stop);
  const items = usePeople((state) => state.items);
  const loaded = usePeople((state) => state.loaded);
  const error = usePeople((state) => state.error?.message ?? null);
  const reload = usePeople((state) => state.reload);
  const revoke = usePeople((state) => state.revoke);
  const revoking = usePeople((state) => state.revoking);
  const revokeError = usePeople((state) => state.revokeError?.message ?? null);
  const canRevoke = useAllowed('people.revoke');

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  return (
    <section className="panel" data-testid="people-panel" aria-label="People">
      <header className="panel-header">
        <h2>People</h2>
        <span className="muted">personal tokens and roles on this team server</span>
      </header>
      <div className="panel-body">
        {error !== null && (
          <ErrorMessage
            message={`The people failed to load: ${error}`}
            onRetry={reload}
            testId="people-error"
          />
        )}
        {!loaded && error === null && <p className="note">Reading who has a token…</p>}
        <FormError error={revokeError} testId="person-revoke-error" />
        {items.length > 0 && (
          <table className="data-table" data-testid="people-table">
            <TableHead columns={['Name', 'Role', 'Added', 'Token']} actions />
            <tbody>
              {items.map((person) => (
                <tr key={person.id} data-testid="person-row" data-id={person.id}>
                  <td>{person.name}</td>
                  <td>{person.role}</td>
                  <td className="nowrap">{formatIso(person.createdAt)}</td>
                  <td>
                    {person.revokedAt === null ? (
                      'active'
                    ) : (
                      <span className="muted">revoked {formatIso(person.revokedAt)}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    {person.revokedAt === null && (
                      <ConfirmButton
                        label="Revoke"
                        question={`Revoke ${person.name}'s token? Their open sessions end now.`}
                        testId="person-revoke"
                        disabled={!canRevoke.allowed || revoking !== null}
                        title={canRevoke.reason}
                        busyLabel={revoking === person.id ? 'Revoking…' : null}
                        onConfirm={() => void revoke(person.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AddPersonForm />
      </div>
    </section>
  );
}
