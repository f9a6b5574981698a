import { useEffect, useId } from 'react';
import { useAllowed } from '../../shared/access';
import { useLinks } from './context';
import { expiryChoices, formatExpiry } from './expiry';

/**
 * The expiry new links get, as a setting beside the field: a link is
 * reusable until it expires, so the default says how long a leaked one works.
 */
export function DefaultExpiry() {
  const defaults = useLinks((state) => state.defaults);
  const error = useLinks((state) => state.defaultsError?.message ?? null);
  const loadDefaults = useLinks((state) => state.loadDefaults);
  const setDefaultExpiry = useLinks((state) => state.setDefaultExpiry);
  const canSet = useAllowed('links.setDefaults');
  const id = useId();

  useEffect(() => {
    void loadDefaults();
  }, [loadDefaults]);

  if (defaults === null) {
    return error === null ? null : (
      <span className="error-text small" data-testid="link-default-expiry-error">
        {error}
      </span>
    );
  }
  return (
    <span className="muted small default-expiry">
      <label htmlFor={id}>Default for new links:</label>{' '}
      <select
        id={id}
        data-testid="link-default-expiry"
        disabled={!canSet.allowed}
        title={canSet.reason}
        value={String(defaults.expiresIn)}
        onChange={(event) =>
          void setDefaultExpiry(event.target.value === 'null' ? null : Number(event.target.value))
        }
      >
        {expiryChoices(defaults.expiresIn).map((choice) => (
          <option key={String(choice)} value={String(choice)}>
            {choice === null ? 'never expire' : `expire after ${formatExpiry(choice)}`}
          </option>
        ))}
      </select>
      {error !== null && <span className="error-text"> {error}</span>}
    </span>
  );
}
