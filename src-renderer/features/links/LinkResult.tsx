import { CopyButton } from '../../components/CopyButton';
import { formatIso } from '../../shared/time';
import { useLinks } from './context';
import { LinkQr } from './LinkQr';

/** The last signed link: copy it, open it against the receiver, check it, or scan it. */
export function LinkResult() {
  const signed = useLinks((state) => state.signed);
  const stale = useLinks(
    (state) =>
      state.signedWith !== null &&
      (state.signedWith.form !== state.form || state.signedWith.profileId !== state.profileId),
  );
  const setVerifyText = useLinks((state) => state.setVerifyText);
  const verify = useLinks((state) => state.verify);

  if (signed === null) return null;

  // A new tab, not a fetch: the receiver is another origin. The run shows up in Deliveries by itself.
  const open = () => window.open(signed.url, '_blank', 'noopener');

  const check = () => {
    setVerifyText(signed.url);
    void verify();
  };

  return (
    <section className="link-result" data-testid="link-result" aria-label="Signed link">
      <h3>Signed link</h3>
      {stale && (
        <p className="muted small" data-testid="link-stale">
          The form changed since this link was made: Generate again for a link that matches it.
        </p>
      )}
      <div className="link-result-body">
        <div className="link-result-text">
          <code className="link-url" data-testid="link-url">
            {signed.url}
          </code>
          <div className="form-actions">
            <CopyButton text={signed.url} testId="link-copy" />
            <button type="button" className="button" data-testid="link-open" onClick={open}>
              Open
            </button>
            <button type="button" className="button" data-testid="link-verify" onClick={check}>
              Verify
            </button>
          </div>
          <p className="muted small">
            Key <code>{signed.kid}</code> ·{' '}
            {signed.expiresAt === null ? 'never expires' : `expires ${formatIso(signed.expiresAt)}`}
          </p>
          <p className="muted small">
            Open runs it in a new tab; the run appears live in Deliveries as an invocation, with its logs and
            messages.
          </p>
        </div>
        <LinkQr url={signed.url} />
      </div>
    </section>
  );
}
