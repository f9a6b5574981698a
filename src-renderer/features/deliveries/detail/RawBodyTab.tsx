import type { DeliveryDetail } from '@contract';
import { Isolated } from '../../../components/Isolated';
import { formatBytes } from '../format';

export function RawBodyTab({ delivery }: { delivery: DeliveryDetail }) {
  const { body } = delivery;
  if (body.omitted) {
    return (
      <p className="note" data-testid="body-omitted">
        The body was {formatBytes(delivery.bodySize)} ({delivery.bodySize} bytes), over the size limit, and
        was not kept.
      </p>
    );
  }
  if (body.base64 === '') return <p className="note">The body is empty.</p>;
  if (body.text === null) {
    return (
      <div>
        <p className="note">The body is not UTF-8 text; its bytes are shown as base64.</p>
        <pre className="code-block" data-testid="raw-body">
          {body.base64}
        </pre>
      </div>
    );
  }
  return (
    <pre className="code-block" data-testid="raw-body">
      <Isolated text={body.text} />
    </pre>
  );
}
