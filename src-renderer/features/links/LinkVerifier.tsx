import { type FormEvent, useId } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { useLinks } from './context';
import { VerdictView } from './VerdictView';

/** Paste any link to learn whether it would run, and if not, which check it fails. */
export function LinkVerifier() {
  const text = useLinks((state) => state.verifyText);
  const verifying = useLinks((state) => state.verifying);
  const verdict = useLinks((state) => state.verdict);
  const verifyError = useLinks((state) => state.verifyError?.message ?? null);
  const setVerifyText = useLinks((state) => state.setVerifyText);
  const verify = useLinks((state) => state.verify);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void verify();
  };

  return (
    <section className="link-verifier" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Verify a link</h3>
      <form aria-label="Verify a link" onSubmit={submit}>
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Link to verify
        </label>
        <textarea
          id={`${id}-input`}
          className="verify-input"
          data-testid="verify-input"
          value={text}
          rows={3}
          spellCheck={false}
          placeholder="Paste a signed link: https://…/ownlang/webhook/…?command=…&sig=…"
          onChange={(event) => setVerifyText(event.target.value)}
        />
        <FormFooter>
          <SubmitButton testId="verify-run" disabled={verifying}>
            {verifying ? 'Verifying…' : 'Verify'}
          </SubmitButton>
        </FormFooter>
      </form>
      {verifyError !== null && <ErrorMessage message={verifyError} testId="verify-error" />}
      {verdict !== null && <VerdictView verdict={verdict} />}
    </section>
  );
}
