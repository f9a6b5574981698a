import type { DeliveryDetail } from '@contract';
import { useMemo } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { buildCurl } from './curl';

export function CopyAsCurl({
  delivery,
  receiverUrl,
}: {
  delivery: DeliveryDetail;
  receiverUrl: string | null;
}) {
  const curl = useMemo(
    () => (receiverUrl === null ? null : buildCurl(delivery, receiverUrl)),
    [delivery, receiverUrl],
  );
  if (curl === null) {
    return <span className="muted">Copy as curl needs the receiver URL, which has not loaded.</span>;
  }
  return (
    <span className="copy-curl">
      <CopyButton text={curl.command} label="Copy as curl" testId="copy-as-curl" />
      {curl.note !== null && <span className="muted small">{curl.note}</span>}
    </span>
  );
}
