import type { DeliveryDetail } from '@contract';
import { useMemo } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { buildFetch } from './copyAs/fetchSnippet';
import { buildHttpie } from './copyAs/httpie';
import { buildCurl } from './curl';

/** "Copy as curl", "fetch" and "HTTPie": the delivery as a request to send to the receiver again. */
export function CopyAs({ delivery, receiverUrl }: { delivery: DeliveryDetail; receiverUrl: string | null }) {
  const curl = useMemo(
    () => (receiverUrl === null ? null : buildCurl(delivery, receiverUrl)),
    [delivery, receiverUrl],
  );
  if (curl === null || receiverUrl === null) {
    return <span className="muted">Copy as curl needs the receiver URL, which has not loaded.</span>;
  }
  return (
    <span className="copy-curl">
      <span className="copy-as">
        <CopyButton text={curl.command} label="Copy as curl" testId="copy-as-curl" />
        <CopyButton
          text={() => buildFetch(delivery, receiverUrl)}
          label="fetch"
          title="Copy as fetch (JavaScript)"
          testId="copy-as-fetch"
        />
        <CopyButton
          text={() => buildHttpie(delivery, receiverUrl)}
          label="HTTPie"
          title="Copy as HTTPie"
          testId="copy-as-httpie"
        />
      </span>
      {curl.note !== null && <span className="muted small">{curl.note}</span>}
    </span>
  );
}
