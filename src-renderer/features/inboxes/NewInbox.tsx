import type { Inbox } from '@contract';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { toast } from '../../components/toast/toastStore';
import { useAllowed } from '../../shared/access';
import { matches } from '../shortcuts/registry';
import { useInboxes } from './context';
import { INBOX_NAME_HINT } from './inboxName';
import './inboxes.css';

interface NewInboxProps {
  /** The inbox filter's onChange: a new inbox is what the user wants to watch next. */
  onCreated: (name: string) => void;
}

/** "New inbox" in the header: a small inline form, then the URL to give the platform. */
export function NewInbox({ onCreated }: NewInboxProps) {
  const creating = useInboxes((state) => state.creating);
  const error = useInboxes((state) => state.createError?.message ?? null);
  const create = useInboxes((state) => state.create);
  const clearError = useInboxes((state) => state.clearCreateError);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const canCreate = useAllowed('inboxes.create');
  const hintId = useId();

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const show = () => {
    // An error from an earlier attempt would read as if it were about this one.
    clearError();
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    // The form held focus; give it back to what opened it.
    buttonRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Stray spaces from a paste are not worth a refusal.
    const inbox = await create(name.trim());
    if (inbox === null) return;
    onCreated(inbox.name);
    setName('');
    setOpen(false);
    buttonRef.current?.focus();
    showCreated(inbox);
  };

  // On the button and the form: Escape from anywhere in the popover closes it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!matches('dialog.close', event) || !open) return;
    event.stopPropagation();
    close();
  };

  return (
    <span className="new-inbox">
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="new-inbox-button"
        aria-expanded={open}
        disabled={!canCreate.allowed}
        title={canCreate.reason}
        onClick={() => (open ? close() : show())}
        onKeyDown={onKeyDown}
      >
        New inbox
      </button>
      {open && (
        <form
          className="popover new-inbox-popover"
          aria-label="New inbox"
          onSubmit={(event) => void submit(event)}
          onKeyDown={onKeyDown}
        >
          <label className="new-inbox-field">
            <span>Name</span>
            <input
              ref={inputRef}
              data-testid="new-inbox-input"
              value={name}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={hintId}
              onChange={(event) => {
                setName(event.target.value);
                if (error !== null) clearError();
              }}
            />
          </label>
          <span id={hintId} className="muted small">
            {INBOX_NAME_HINT}
          </span>
          {error !== null && (
            <span className="error-text" role="alert" data-testid="new-inbox-error">
              {error}
            </span>
          )}
          <span className="new-inbox-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button" data-testid="new-inbox-submit" disabled={creating}>
              {creating ? 'Creating…' : 'Create'}
            </button>
          </span>
        </form>
      )}
    </span>
  );
}

/**
 * The URL to give the platform, as a toast: it fades by itself and never sits over the
 * detail tabs (a popover here used to catch their clicks until dismissed).
 */
function showCreated(inbox: Inbox) {
  toast(
    <>
      Inbox “{inbox.name}” created. Point your platform's webhook at:{' '}
      <code data-testid="new-inbox-url">{inbox.url}</code>
    </>,
    {
      action: <CopyButton text={inbox.url} label="Copy URL" />,
      durationMs: 10_000,
      testId: 'new-inbox-created',
    },
  );
}
