import type { BotProfile } from '@contract';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { FormError } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { matches } from '../shortcuts/registry';
import { useProfiles } from './context';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import './profiles.css';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; profile: BotProfile };

export function ProfilesDialog({ onClose }: { onClose: () => void }) {
  const formError = useProfiles((state) => state.formError?.message ?? null);
  const clearFormError = useProfiles((state) => state.clearFormError);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const canCreate = useAllowed('profiles.create');
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A refusal from an earlier visit would read as if it were about this one.
    clearFormError();
    dialogRef.current?.focus();
  }, [clearFormError]);

  const show = (next: Mode) => {
    clearFormError();
    setMode(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!matches('dialog.close', event)) return;
    event.stopPropagation();
    onClose();
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="profiles-dialog"
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2 id={titleId}>Bot profiles</h2>
          <span className="header-spacer" />
          {mode.kind === 'list' && (
            <button
              type="button"
              className="button"
              data-testid="profile-new"
              disabled={!canCreate.allowed}
              title={canCreate.reason}
              onClick={() => show({ kind: 'create' })}
            >
              New profile
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </header>
        <FormError error={formError} testId="profile-error" />
        {mode.kind === 'list' ? (
          <ProfileList onEdit={(profile) => show({ kind: 'edit', profile })} />
        ) : (
          <ProfileForm
            profile={mode.kind === 'edit' ? mode.profile : null}
            onDone={() => setMode({ kind: 'list' })}
            onCancel={() => show({ kind: 'list' })}
          />
        )}
      </div>
    </div>
  );
}
