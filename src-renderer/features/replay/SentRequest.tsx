import type { DeliveryDetail, ReplayAttempt } from '@contract';
import { PairsTable } from '../../components/PairsTable';
import { sentBodyText } from './sentBody';

/** The request an attempt sent, exactly: method, target, headers and body. */
export function SentRequest({ delivery, attempt }: { delivery: DeliveryDetail; attempt: ReplayAttempt }) {
  const body = sentBodyText(delivery, attempt);
  return (
    <section className="sent-request" data-testid="replay-sent-request" aria-label="The request sent">
      <h4>The request sent</h4>
      <p>
        <code>POST {attempt.target}</code>
      </p>
      {attempt.sentHeaders.length > 0 ? (
        <PairsTable pairs={attempt.sentHeaders} names={['Header', 'Value']} testId="replay-sent-headers" />
      ) : (
        <p className="muted small">
          The headers sent were not kept for this attempt (an older version made it).
        </p>
      )}
      {attempt.sentBodySha256 === '' ? (
        <p className="muted">Nothing was sent.</p>
      ) : body === null ? (
        <p className="muted small">The body is not UTF-8 text, so it is not shown here.</p>
      ) : (
        <pre className="code-block" data-testid="replay-sent-body">
          {body}
        </pre>
      )}
    </section>
  );
}
