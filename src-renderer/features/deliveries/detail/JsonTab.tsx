import type { DeliveryDetail } from '@contract';
import { useMemo } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { JsonTree } from '../../../components/JsonTree';
import { RawBodyTab } from './RawBodyTab';

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseBody(body: DeliveryDetail['body']): Parsed {
  if (body.omitted) return { ok: false, reason: 'The body was over the size limit and was not kept.' };
  if (body.text === null) return { ok: false, reason: 'The body is not valid JSON.' };
  try {
    return { ok: true, value: JSON.parse(body.text) };
  } catch {
    return { ok: false, reason: 'The body is not valid JSON.' };
  }
}

export function JsonTab({ delivery }: { delivery: DeliveryDetail }) {
  const parsed = useMemo(() => parseBody(delivery.body), [delivery.body]);
  if (parsed.ok) {
    const { value } = parsed;
    return (
      <div>
        <div className="tab-toolbar">
          <CopyButton
            text={() => JSON.stringify(value, null, 2)}
            label="Copy JSON"
            small
            testId="copy-json"
          />
          <span className="muted small">On a line: copy value or path; keys c and p.</span>
        </div>
        <JsonTree value={value} />
      </div>
    );
  }
  return (
    <div>
      <p className="note" data-testid="json-invalid">
        {parsed.reason}
      </p>
      {!delivery.body.omitted && <RawBodyTab delivery={delivery} />}
    </div>
  );
}
