import type { BotPlatform, BotProfile } from '@contract';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../components/Field';
import { FormFooter, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { useProfiles } from './context';
import {
  baseUrlForPlatform,
  emptyProfileForm,
  type ProfileFormValues,
  profileFormFrom,
  toProfileInput,
  webhookSecretProblem,
} from './profileForm';
import { SecretField } from './SecretField';

interface ProfileFormProps {
  /** Null to create a new profile. */
  profile: BotProfile | null;
  onDone: () => void;
  onCancel: () => void;
}

function Row({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <Field htmlFor={id} label={label}>
      {children(id)}
    </Field>
  );
}

export function ProfileForm({ profile, onDone, onCancel }: ProfileFormProps) {
  const saving = useProfiles((state) => state.saving);
  const canSave = useAllowed(profile === null ? 'profiles.create' : 'profiles.update');
  const save = useProfiles((state) => state.save);
  const [values, setValues] = useState<ProfileFormValues>(() =>
    profile === null ? emptyProfileForm() : profileFormFrom(profile),
  );
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const update = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const secretProblem = webhookSecretProblem(values);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (secretProblem !== null) return;
    const saved = await save(profile?.id ?? null, toProfileInput(values));
    if (saved !== null) onDone();
  };

  const text =
    (key: 'name' | 'baseUrl' | 'publicUrl' | 'inbox' | 'appId', testId: string, extra = {}) =>
    (id: string) => (
      <input
        id={id}
        data-testid={testId}
        value={values[key]}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => update(key, event.target.value)}
        {...extra}
      />
    );

  return (
    <form
      className="profile-form"
      data-testid="profile-form"
      aria-label={profile === null ? 'New profile' : `Edit ${profile.name}`}
      onSubmit={(event) => void submit(event)}
    >
      <h3>{profile === null ? 'New profile' : `Edit “${profile.name}”`}</h3>
      <Row label="Name">
        {(id) => (
          <input
            id={id}
            ref={firstRef}
            data-testid="profile-name"
            value={values.name}
            required
            autoComplete="off"
            onChange={(event) => update('name', event.target.value)}
          />
        )}
      </Row>
      <Row label="Platform">
        {(id) => (
          <select
            id={id}
            data-testid="profile-platform"
            value={values.platform}
            // Core refuses to change the sandbox's platform: its emulator speaks one dialect.
            disabled={profile?.sandbox === true}
            onChange={(event) => {
              const platform = event.target.value as BotPlatform;
              setValues((current) => ({
                ...current,
                platform,
                baseUrl: baseUrlForPlatform(current.baseUrl, platform),
              }));
            }}
          >
            <option value="solafon">Solafon</option>
            <option value="telegram">Telegram</option>
          </select>
        )}
      </Row>
      <Row label="Bot API base URL">{text('baseUrl', 'profile-base-url', { required: true })}</Row>
      <Row label="Public webhook URL">
        {text('publicUrl', 'profile-public-url', { placeholder: 'https://your-tunnel.example/webhook' })}
      </Row>
      <Row label="Inbox">{text('inbox', 'profile-inbox')}</Row>
      {/* Solafon's delivery logs are read with an app id and a user's JWT; Telegram has neither. */}
      {values.platform === 'solafon' && (
        <Row label="App id">{text('appId', 'profile-app-id', { placeholder: 'For delivery logs' })}</Row>
      )}
      <SecretField
        label="API token"
        testId="profile-token"
        value={values.token}
        onChange={(value) => update('token', value)}
        isSet={profile === null ? null : profile.hasToken}
        remove={values.removeToken}
        onRemoveChange={(remove) => update('removeToken', remove)}
      />
      {values.platform === 'solafon' && (
        <SecretField
          label="User JWT"
          testId="profile-jwt"
          value={values.jwt}
          onChange={(value) => update('jwt', value)}
          isSet={profile === null ? null : profile.hasJwt}
          remove={values.removeJwt}
          onRemoveChange={(remove) => update('removeJwt', remove)}
        />
      )}
      {values.platform === 'telegram' && (
        <SecretField
          label="Webhook secret token (Telegram)"
          testId="profile-webhook-secret"
          value={values.webhookSecret}
          onChange={(value) => update('webhookSecret', value)}
          isSet={profile === null ? null : profile.hasWebhookSecret}
          remove={values.removeWebhookSecret}
          onRemoveChange={(remove) => update('removeWebhookSecret', remove)}
          error={secretProblem}
        />
      )}
      <p className="muted small">
        Secrets stay in the inspector's main process; this window only learns whether they are set.
      </p>
      <FormFooter>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <SubmitButton testId="profile-save" allowed={canSave} disabled={saving || secretProblem !== null}>
          {saving ? 'Saving…' : 'Save'}
        </SubmitButton>
      </FormFooter>
    </form>
  );
}
