import { useEffect, useState } from 'react';
import './shortcuts.css';
import { isTypingTarget, matches } from './registry';
import { ShortcutsDialog } from './ShortcutsDialog';

/** `?` anywhere outside a text field opens the list of shortcuts; mounted once by the app. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      if (!matches('help.open', event)) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return open ? <ShortcutsDialog onClose={() => setOpen(false)} /> : null;
}
