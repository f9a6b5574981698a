import type { BotProfile, SigningKey } from '@contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormError } from '../../components/FormFooter';
import { TableHead } from '../../components/TableHead';
import { useAllowed } from '../../shared/access';
import { formatIso } from '../../shared/time';
import { useLinks } from './context';

// One empty list for every render: a fresh [] from a selector would read as a change each time.
const NO_KEYS: SigningKey[] = [];

/** The profile's signing keys: rotate to sign with a new one, retire to revoke what an old one signed. */
export function SigningKeys({ profile }: { profile: BotProfile }) {
  const keys = useLinks((state) => (state.keysProfileId === profile.id ? state.keys : NO_KEYS));
  const loaded = useLinks((state) => state.keysProfileId === profile.id && state.keysLoaded);
  const keysError = useLinks((state) => state.keysError?.message ?? null);
  const keyAction = useLinks((state) => state.keyAction);
  const keyActionError = useLinks((state) => state.keyActionError?.message ?? null);
  const loadKeys = useLinks((state) => state.loadKeys);
  const rotateKey = useLinks((state) => state.rotateKey);
  const retireKey = useLinks((state) => state.retireKey);
  const canRotate = useAllowed('links.rotateKey');
  const canRetire = useAllowed('links.retireKey');
  // Retiring breaks every link the key signed: one more click to be sure.

  return (
    <section className="signing-keys" data-testid="signing-keys" aria-label="Signing keys">
      <div className="form-actions">
        <h3>Signing keys · {profile.name}</h3>
        <span className="header-spacer" />
        <button
          type="button"
          className="button"
          data-testid="key-rotate"
          disabled={!canRotate.allowed || keyAction !== null}
          title={canRotate.reason}
          onClick={() => void rotateKey(profile.id)}
        >
          {keyAction?.kind === 'rotate' ? 'Rotating…' : 'Rotate key'}
        </button>
      </div>
      <p className="muted small">
        New links are signed with the active key. Rotating makes a new active key; older keys keep verifying
        the links they signed until you retire them, and retiring a key revokes every link it signed. Retiring
        the active key makes a fresh one: a key rotated out never signs again.
      </p>
      {keysError !== null && (
        <ErrorMessage
          message={`The signing keys failed to load: ${keysError}`}
          onRetry={() => void loadKeys(profile.id)}
          testId="keys-error"
        />
      )}
      <FormError error={keyActionError} testId="key-error" />
      {!loaded && keysError === null && <p className="note">Loading the keys…</p>}
      {loaded && keys.length === 0 && (
        <p className="note">No key yet: the first link signed for this bot makes one.</p>
      )}
      {keys.length > 0 && (
        <table className="data-table">
          <TableHead columns={['Key id', 'Created', 'Retired', 'State']} actions />
          <tbody>
            {keys.map((key) => (
              <tr key={key.kid} data-testid="key-row" data-kid={key.kid}>
                <td>
                  <code>{key.kid}</code>
                </td>
                <td>{formatIso(key.createdAt)}</td>
                <td>
                  {key.retiredAt === null ? <span className="muted">—</span> : formatIso(key.retiredAt)}
                </td>
                <td>
                  {key.active ? (
                    <span className="badge key-active">active</span>
                  ) : key.retiredAt === null ? (
                    'verifies only'
                  ) : (
                    'retired'
                  )}
                </td>
                <td className="row-actions">
                  {key.retiredAt === null && (
                    <ConfirmButton
                      label="Retire"
                      question={retireQuestion(key)}
                      testId="key-retire"
                      disabled={!canRetire.allowed || keyAction !== null}
                      title={canRetire.reason}
                      onConfirm={() => void retireKey(profile.id, key.kid)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What the confirm says retiring does: for the active key, that a fresh key takes over (never an older one). */
export function retireQuestion(key: SigningKey): string {
  return key.active
    ? `Retire ${key.kid}, the active key? Its links stop working, and a fresh key is made to sign new links: older keys never sign again.`
    : `Retire ${key.kid}? Its links stop working.`;
}
