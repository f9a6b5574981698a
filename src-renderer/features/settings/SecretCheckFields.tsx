import { useId } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { useProfiles } from '../profiles/context';
import type { SettingsForm } from './settingsForm';

interface SecretCheckFieldsProps {
  form: SettingsForm;
  onChange: (patch: Partial<SettingsForm>) => void;
}

/** Which bot profile feeds the inbox: deliveries without its webhook secret are flagged, or refused. */
export function SecretCheckFields({ form, onChange }: SecretCheckFieldsProps) {
  const profiles = useProfiles((state) => state.items);
  const id = useId();
  const chosen = profiles.find((profile) => String(profile.id) === form.secretProfileId) ?? null;
  return (
    <fieldset className="settings-section">
      <legend>Is it really the platform?</legend>
      <label className="inline-field" htmlFor={`${id}-profile`}>
        <span>Fed by bot profile</span>
        <select
          id={`${id}-profile`}
          data-testid="secret-check-profile"
          value={form.secretProfileId}
          onChange={(event) => onChange({ secretProfileId: event.target.value })}
        >
          <option value="">none — do not check the secret</option>
          {profiles.map((profile) => (
            <option key={profile.id} value={String(profile.id)}>
              {profile.name}
            </option>
          ))}
          {/* A profile the list no longer has (deleted elsewhere) stays visible rather than silently changing. */}
          {form.secretProfileId !== '' && chosen === null && (
            <option value={form.secretProfileId}>profile {form.secretProfileId}</option>
          )}
        </select>
      </label>
      <Checkbox
        className="inline-field"
        testId="secret-check-reject"
        checked={form.rejectBadSecret}
        disabled={form.secretProfileId === ''}
        onChecked={(rejectBadSecret) => onChange({ rejectBadSecret })}
      >
        <span>Answer 401 to a missing or wrong secret, as a careful bot would</span>
      </Checkbox>
      <p className="muted small" data-testid="secret-check-note">
        {chosen !== null && !chosen.hasWebhookSecret
          ? `${chosen.name} keeps no webhook secret: nothing is checked until it has one.`
          : 'Deliveries whose X-Telegram-Bot-Api-Secret-Token is missing or differs from the profile’s webhook secret are marked “Bad secret”. The secret itself is never shown.'}
      </p>
    </fieldset>
  );
}
