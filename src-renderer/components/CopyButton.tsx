import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

interface CopyButtonProps {
  text: string;
  label?: string;
  testId?: string;
}

/**
 * Copies with the Clipboard API; where that is refused (no permission, an
 * insecure origin), shows the text selected in a box to copy by hand.
 */
export function CopyButton({ text, label = 'Copy', testId }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const manualRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state === 'manual') manualRef.current?.select();
  }, [state]);

  const copy = async () => {
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button" data-testid={testId} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      {state === 'manual' && (
        <span className="copy-manual" role="dialog" aria-label="Copy by hand">
          <span className="copy-manual-hint">
            The browser refused clipboard access; press Ctrl+C / ⌘C to copy:
          </span>
          <textarea ref={manualRef} readOnly value={text} rows={Math.min(10, text.split('\n').length + 1)} />
          <button type="button" className="button" onClick={() => setState('idle')}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}
