import type { BotProfile } from '@contract';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { FormError } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { httpUrlProblem } from '../../shared/httpUrl';
import { useInboxes } from '../inboxes/context';
import { useCapture } from './context';

/**
 * Capture a real Telegram bot's updates without a public URL: the webhook is
 * switched off and updates come here through getUpdates until Stop puts it
 * back. The warning says so plainly, since production stops receiving.
 */
export function CapturePanel({ profile }: { profile: BotProfile }) {
  const items = useCapture((state) => state.items);
  const busy = useCapture((state) => state.busy);
  const error = useCapture((state) => state.error?.message ?? null);
  const load = useCapture((state) => state.load);
  const start = useCapture((state) => state.start);
  const stop = useCapture((state) => state.stop);
  const inboxes = useInboxes((state) => state.items);
  const canCapture = useAllowed('capture.start');
  const [inbox, setInbox] = useState(profile.inbox);
  const [tapUrl, setTapUrl] = useState('');
  const id = useId();
  const running = items.find((item) => item.profileId === profile.id) ?? null;
  const tapProblem = tapUrl.trim() === '' ? null : httpUrlProblem(tapUrl, 'The tap URL');

  useEffect(() => {
    void load();
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tapProblem === null) void start(profile.id, inbox, tapUrl);
  };

  return (
    <fieldset className="settings-section" data-testid="capture-panel">
      <legend>Capture with getUpdates (no public URL)</legend>
      {running !== null ? (
        <>
          <p className="error-text" role="alert" data-testid="capture-warning">
            The production webhook is OFF while capturing: updates come here instead of to{' '}
            <code>{running.saved.url || 'no webhook'}</code>. Stop sets it back exactly as it was.
          </p>
          {!running.saved.secretKnown && running.saved.url !== '' && (
            <p className="error-text" data-testid="capture-secret-unknown">
              This profile keeps no webhook secret, and Telegram never tells it: the webhook is restored
              without one.
            </p>
          )}
          <p className="muted" data-testid="capture-count">
            {running.captured} captured into <code>{running.inbox}</code>
            {running.tapUrl !== null && (
              <>
                , each forwarded to <code>{running.tapUrl}</code>
              </>
            )}
            {running.lastError !== null && ` · last error: ${running.lastError}`}
          </p>
          <button
            type="button"
            className="button primary"
            data-testid="capture-stop"
            disabled={busy}
            onClick={() => void stop(profile.id)}
          >
            {busy ? 'Restoring…' : 'Stop and restore the webhook'}
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <label className="inline-field" htmlFor={`${id}-inbox`}>
            <span>Into inbox</span>
            <select
              id={`${id}-inbox`}
              data-testid="capture-inbox"
              value={inbox}
              onChange={(event) => setInbox(event.target.value)}
            >
              {[...new Set([profile.inbox, ...inboxes.map((item) => item.name)])].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field" htmlFor={`${id}-tap`}>
            <span>Forward each to (optional)</span>
            <input
              id={`${id}-tap`}
              data-testid="capture-tap"
              value={tapUrl}
              placeholder="http://127.0.0.1:8000/webhook"
              aria-invalid={tapProblem !== null}
              onChange={(event) => setTapUrl(event.target.value)}
            />
          </label>
          {tapProblem !== null && <p className="error-text">{tapProblem}</p>}
          <p className="muted small">
            Capture switches this bot’s webhook off until you stop (closing the app stops it too), and takes
            updates with getUpdates.
          </p>
          <button
            type="submit"
            className="button"
            data-testid="capture-start"
            disabled={!canCapture.allowed || busy || tapProblem !== null}
            title={canCapture.reason}
          >
            Capture
          </button>
        </form>
      )}
      <FormError error={error} testId="capture-error" />
    </fieldset>
  );
}
