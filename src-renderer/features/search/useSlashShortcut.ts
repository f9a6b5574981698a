import { type RefObject, useEffect } from 'react';
import { isTypingTarget, matches } from '../shortcuts/registry';

/** "/" anywhere outside a text field focuses `target` (and selects its text, ready to be replaced). */
export function useSlashShortcut(target: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matches('search.focus', event)) return;
      if (event.defaultPrevented || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
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
