import { useId } from 'react';
import { FormError } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { useCommands } from './context';

/**
 * "Run with a sample user": the editor's body, saved or not, run once in the
 * command sandbox as a link for that user would run it. Shows the answer,
 * the logs and the messages it would send (none is sent).
 */
export function TryRun() {
  const sample = useCommands((state) => state.sample);
  const trying = useCommands((state) => state.trying);
  const result = useCommands((state) => state.tryResult);
  const error = useCommands((state) => state.tryError?.message ?? null);
  const setSample = useCommands((state) => state.setSample);
  const tryRun = useCommands((state) => state.tryRun);
  const canRun = useAllowed('commands.tryRun');
  const id = useId();

  return (
    <form
      className="try-run"
      aria-label="Run with a sample user"
      data-testid="try-run"
      onSubmit={(event) => {
        event.preventDefault();
        if (canRun.allowed) void tryRun();
      }}
    >
      <div className="form-row inline-fields">
        <label className="form-label" htmlFor={`${id}-user`}>
          User id
        </label>
        <input
          id={`${id}-user`}
          data-testid="try-user"
          value={sample.userId}
          size={12}
          spellCheck={false}
          onChange={(event) => setSample({ userId: event.target.value })}
        />
        <label className="form-label" htmlFor={`${id}-options`}>
          Options (JSON)
        </label>
        <input
          id={`${id}-options`}
          data-testid="try-options"
          value={sample.options}
          placeholder='{"level": 3}'
          spellCheck={false}
          onChange={(event) => setSample({ options: event.target.value })}
        />
        <button
          type="submit"
          className="button"
          data-testid="try-run-button"
          disabled={!canRun.allowed || trying}
          title={
            canRun.reason ?? 'Runs the code in the editor once for this user, without a link; nothing is sent'
          }
        >
          {trying ? 'Running…' : 'Run with a sample user'}
        </button>
      </div>
      <FormError error={error} testId="try-error" />
      {result !== null && (
        <div className="try-result" data-testid="try-result" data-ok={result.ok}>
          <p>
            {result.ok && result.response !== null ? (
              <strong data-testid="try-status">Answered {result.response.status}</strong>
            ) : (
              <strong className="error-text" data-testid="try-status">
                Failed: {result.reason}
              </strong>
            )}{' '}
            <span className="muted">in {result.durationMs} ms</span>
          </p>
          {result.response !== null && (
            <pre className="code-block" data-testid="try-body">
              {result.response.body}
            </pre>
          )}
          <h4>Logs</h4>
          {result.logs.length === 0 ? (
            <p className="muted small">Nothing logged.</p>
          ) : (
            <pre className="code-block" data-testid="try-logs">
              {result.logs.join('\n')}
            </pre>
          )}
          {result.messages.length > 0 && (
            <>
              <h4>Messages it would send</h4>
              <ul data-testid="try-messages">
                {result.messages.map((message, index) => (
                  // A message has no id of its own; the order is what a run made.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
                  <li key={index}>
                    to chat {message.chatId ?? '(none)'}: {message.text}
                    {message.problem !== null && <span className="error-text"> — {message.problem}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}
