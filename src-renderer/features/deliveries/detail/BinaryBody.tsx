import { useMemo, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { formatBytes } from '../format';
import { base64ToBytes, HEX_VIEW_MAX_BYTES, hexDump } from './hexDump';

type View = 'hex' | 'base64';

/** A body that is not UTF-8 text: a hex dump by default, or the base64 it is stored as. */
export function BinaryBody({ base64 }: { base64: string }) {
  const [view, setView] = useState<View>('hex');
  const bytes = useMemo(() => base64ToBytes(base64), [base64]);
  const dump = useMemo(() => (view === 'hex' ? hexDump(bytes) : ''), [bytes, view]);
  return (
    <div>
      <div className="tab-toolbar">
        <span className="muted">The body is not UTF-8 text ({formatBytes(bytes.length)}).</span>
        <fieldset className="segmented">
          <legend className="visually-hidden">Show the bytes as</legend>
          {(['hex', 'base64'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="button button-small"
              aria-pressed={view === option}
              data-testid={`binary-view-${option}`}
              onClick={() => setView(option)}
            >
              {option === 'hex' ? 'Hex' : 'Base64'}
            </button>
          ))}
        </fieldset>
        <CopyButton text={base64} label="Copy base64" small testId="copy-base64" />
        {view === 'hex' && <CopyButton text={dump} label="Copy hex" small testId="copy-hex" />}
      </div>
      {view === 'hex' ? (
        <>
          <pre className="code-block hex-dump" data-testid="hex-view">
            {dump}
          </pre>
          {bytes.length > HEX_VIEW_MAX_BYTES && (
            <p className="note">
              The first {formatBytes(HEX_VIEW_MAX_BYTES)} are shown; base64 has the whole body.
            </p>
          )}
        </>
      ) : (
        <pre className="code-block" data-testid="raw-body">
          {base64}
        </pre>
      )}
    </div>
  );
}
