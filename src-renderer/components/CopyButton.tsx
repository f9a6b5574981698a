import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

interface CopyButtonProps {
  /** The text to copy, or a function that makes it at click time (a large body is not built per render). */
  text: string | (() => string);
  label?: string;
  testId?: string;
  /** A compact button, for a line of a table or a tree. */
  small?: boolean;
  /** Said to screen readers and on hover when the label alone is too short ("Copy" of what). */
  title?: string;
}

/**
 * Copies with the Clipboard API; where that is refused (no permission, an
 * insecure origin), shows the text selected in a box to copy by hand.
 */
export function CopyButton({ text, label = 'Copy', testId, small = false, title }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const [copiedText, setCopiedText] = useState('');
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
    const value = typeof text === 'string' ? text : text();
    setCopiedText(value);
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <span className="copy">
      {/*
        Both labels always sit in the same grid cell, the one not shown hidden: the button keeps
        the width of the longer, so "Copied" never reflows what is around it (the curl box).
      */}
      <button
        type="button"
        className={small ? 'button button-small copy-button' : 'button copy-button'}
        data-testid={testId}
        data-state={state}
        title={title}
        aria-label={state === 'copied' ? 'Copied' : (title ?? label)}
        onClick={() => void copy()}
      >
        <span className="copy-label" aria-hidden="true" data-shown={state !== 'copied'}>
          {label}
        </span>
        <span className="copy-label" aria-hidden="true" data-shown={state === 'copied'}>
          Copied
        </span>
      </button>
      {state === 'manual' && (
        <span className="popover copy-manual" role="dialog" aria-label="Copy by hand">
          <span className="copy-manual-hint">
            The browser refused clipboard access; press Ctrl+C / ⌘C to copy:
          </span>
          <textarea
            ref={manualRef}
            readOnly
            value={copiedText}
            rows={Math.min(10, copiedText.split('\n').length + 1)}
          />
          <button type="button" className="button" onClick={() => setState('idle')}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}
