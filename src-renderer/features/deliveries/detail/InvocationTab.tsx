import type { Invocation } from '@contract';
import { DescriptionItem } from '../../../components/DescriptionItem';
import { Isolated } from '../../../components/Isolated';
import { JsonText } from '../../../components/JsonText';
import { PairsTable } from '../../../components/PairsTable';

const OUTCOMES: Record<Invocation['outcome'], string> = {
  ok: 'ran',
  rejected: 'rejected: the link failed a check, the command did not run',
  'unknown-command': 'no such command',
  error: 'the command failed',
};

const none = <span className="muted">none</span>;

/** What a signed-link hit did: the command it ran for whom, what it logged and which messages it sent. */
export function InvocationTab({ invocation }: { invocation: Invocation }) {
  const { outcome } = invocation;
  return (
    <div className="invocation" data-testid="invocation">
      <dl className="fields">
        <DescriptionItem label="Command">
          {invocation.command === null ? (
            none
          ) : (
            <code>
              <Isolated text={invocation.command} />
            </code>
          )}
        </DescriptionItem>
        <DescriptionItem label="User">{invocation.userId ?? none}</DescriptionItem>
        <DescriptionItem label="Outcome" valueTestId="invocation-outcome">
          <span className={`badge outcome-badge outcome-${outcome}`} data-outcome={outcome}>
            {outcome}
          </span>{' '}
          <span className="muted">{OUTCOMES[outcome]}</span>
        </DescriptionItem>
        {invocation.check !== null && (
          <DescriptionItem label="Failed check" valueTestId="invocation-check">
            <code>{invocation.check}</code>
          </DescriptionItem>
        )}
        {invocation.reason !== null && (
          <DescriptionItem label="Reason" valueTestId="invocation-reason">
            <Isolated className="pre-wrap" text={invocation.reason} />
          </DescriptionItem>
        )}
        <DescriptionItem label="Duration">{invocation.durationMs} ms</DescriptionItem>
        <DescriptionItem label="Bot profile">{invocation.profileId ?? none}</DescriptionItem>
        <DescriptionItem label="Options">
          {invocation.options === null ? (
            none
          ) : (
            <JsonText text={invocation.options} testId="invocation-options" />
          )}
        </DescriptionItem>
        <DescriptionItem label="Params">
          {invocation.params.length === 0 ? (
            none
          ) : (
            <PairsTable pairs={invocation.params} testId="invocation-params" />
          )}
        </DescriptionItem>
      </dl>
      <h3>Logs</h3>
      <div data-testid="invocation-logs">
        {invocation.logs.length === 0 ? (
          <p className="note">Nothing logged.</p>
        ) : (
          <pre className="code-block invocation-logs">
            <Isolated text={invocation.logs.join('\n')} />
          </pre>
        )}
      </div>
      <h3>Api.sendMessage</h3>
      <div data-testid="invocation-sent">
        {invocation.sent.length === 0 ? (
          <p className="note">No messages sent.</p>
        ) : (
          <ol className="invocation-sent">
            {invocation.sent.map((message, index) => (
              // A message's place in the run is its identity: the list is a fixed record of one run.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index} data-testid="invocation-message" data-ok={String(message.ok)}>
                <span className={message.ok ? 'status status-ok' : 'status status-server-error'}>
                  {message.ok ? 'sent' : 'failed'}
                </span>{' '}
                to chat <code>{message.chatId ?? '—'}</code>:{' '}
                <Isolated className="pre-wrap" text={message.text} />
                <pre className="code-block">
                  <Isolated text={message.result} />
                </pre>
              </li>
            ))}
          </ol>
        )}
        <p className="muted small">Messages go out after the command ends, in the order it asked for them.</p>
      </div>
    </div>
  );
}
