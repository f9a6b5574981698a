import { type RefObject, useEffect } from 'react';

/** Where "/" is typed text (or belongs to an open dialog), not the shortcut. */
const TYPING_TARGETS =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog, [role="dialog"]';

/** "/" anywhere outside a text field focuses `target` (and selects its text, ready to be replaced). */
export function useSlashShortcut(target: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || event.isComposing) return;
      if (event.target instanceof Element && event.target.closest(TYPING_TARGETS) !== null) return;
      const input = target.current;
      if (input === null) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [target]);
}
