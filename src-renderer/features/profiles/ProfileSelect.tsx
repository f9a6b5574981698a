import { useRef, useState } from 'react';
import { useProfiles } from './context';
import { ProfilesDialog } from './ProfilesDialog';
import './profiles.css';

/** The header's profile picker: the bot every panel talks to, and the way into managing them. */
export function ProfileSelect() {
  const items = useProfiles((state) => state.items);
  const selectedId = useProfiles((state) => state.selectedId);
  const error = useProfiles((state) => state.error?.message ?? null);
  const select = useProfiles((state) => state.select);
  const reload = useProfiles((state) => state.reload);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <span className="profile-select">
      <label>
        <span className="muted">Profile</span>
        <select
          data-testid="profile-select"
          value={selectedId ?? ''}
          disabled={items.length === 0}
          onChange={(event) => select(Number(event.target.value))}
        >
          {items.length === 0 && <option value="">No profiles</option>}
          {items.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name} · {profile.platform}
              {profile.sandbox ? ' (Sandbox)' : ''}
            </option>
          ))}
        </select>
      </label>
      {error !== null && (
        <button type="button" className="link-button error-text" title={error} onClick={reload}>
          Profiles failed to load — retry
        </button>
      )}
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="profiles-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Profiles
      </button>
      {open && <ProfilesDialog onClose={close} />}
    </span>
  );
}
