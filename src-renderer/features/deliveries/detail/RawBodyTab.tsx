import type { DeliveryDetail } from '@contract';
import { CopyButton } from '../../../components/CopyButton';
import { Isolated } from '../../../components/Isolated';
import { formatBytes } from '../format';
import { BinaryBody } from './BinaryBody';

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
  if (body.text === null) return <BinaryBody base64={body.base64} />;
  const { text } = body;
  return (
    <div>
      <div className="tab-toolbar">
        <CopyButton text={text} label="Copy body" small testId="copy-raw" />
      </div>
      <pre className="code-block" data-testid="raw-body">
        <Isolated text={text} />
      </pre>
    </div>
  );
}
