import { type ReactNode, useEffect, useEffectEvent, useId, useRef } from 'react';
import { matches } from '../features/shortcuts/registry';

interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  testId: string;
  children: ReactNode;
  /** Narrower than the profiles dialog: these are small forms. */
  size?: 'small' | 'large';
  /**
   * Changes when the dialog swaps its content (a form for its progress): the
   * focused control went away with the old content, so the dialog takes focus back.
   */
  contentKey?: string;
}

/**
 * A modal dialog as the profiles dialog is made, focused when it opens so
 * screen readers start inside it. Escape closes it wherever focus is: a
 * control that disappeared (Start, once the job runs) leaves focus on the body.
 */
export function Dialog({ title, onClose, testId, children, size = 'small', contentKey }: DialogProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const close = useEffectEvent(onClose);

  // biome-ignore lint/correctness/useExhaustiveDependencies(contentKey): new content is the signal to take focus back.
  useEffect(() => {
    dialogRef.current?.focus();
  }, [contentKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matches('dialog.close', event) || event.defaultPrevented) return;
      event.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className={size === 'small' ? 'dialog dialog-small' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <span className="header-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
