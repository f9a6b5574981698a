import type { DeliveryDetail } from '@contract';
import { Isolated } from '../../../components/Isolated';
import { StatusCode } from '../StatusCode';

/** What the receiver answered the platform. */
export function ResponseTab({ delivery }: { delivery: DeliveryDetail }) {
  const { status, body } = delivery.response;
  return (
    <div data-testid="detail-response">
      <p>
        Answered <StatusCode status={status} />
      </p>
      {body === '' ? (
        <p className="note">With an empty body.</p>
      ) : (
        <pre className="code-block">
          <Isolated text={body} />
        </pre>
      )}
      {delivery.invocation?.responseTruncated && (
        <p className="muted small" data-testid="response-truncated">
          Truncated: the answer was sent whole, only its first 64 KiB were kept.
        </p>
      )}
    </div>
  );
}
