import type { LinkVerdict } from '@contract';
import { LinkFields } from './LinkFields';

/** Valid with what the link says, or invalid with the one check that failed. */
export function VerdictView({ verdict }: { verdict: LinkVerdict }) {
  return (
    <div
      className={verdict.valid ? 'verdict verdict-valid' : 'verdict verdict-invalid'}
      data-testid="verify-result"
      data-valid={String(verdict.valid)}
      role="status"
    >
      {verdict.valid ? (
        <p className="verdict-line">Valid: the signature matches and every check passed.</p>
      ) : (
        <p className="verdict-line">
          Invalid — failed check <code data-testid="verify-check">{verdict.check ?? 'unknown'}</code>
          {verdict.reason !== null && (
            <>
              : <span data-testid="verify-reason">{verdict.reason}</span>
            </>
          )}
        </p>
      )}
      {verdict.fields !== null && (
        <>
          {!verdict.valid && (
            <p className="muted small">
              What the link claims (not to be trusted: it failed the check above):
            </p>
          )}
          <LinkFields fields={verdict.fields} />
        </>
      )}
    </div>
  );
}
