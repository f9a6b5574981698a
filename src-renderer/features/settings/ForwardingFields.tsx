import { useId } from 'react';
import { Field as FormField } from '../../components/Field';
import { Field } from './Field';
import type { ForwardMode, SettingsErrors, SettingsForm } from './settingsForm';

interface SectionProps {
  form: SettingsForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
}

export function ForwardingFields({ form, errors, onChange }: SectionProps) {
  const id = useId();
  return (
    <fieldset className="settings-section">
      <legend>Forwarding</legend>
      <FormField htmlFor={id} label="Mode">
        <select
          id={id}
          data-testid="forward-mode"
          value={form.forwardMode}
          onChange={(event) => onChange({ forwardMode: event.target.value as ForwardMode })}
        >
          <option value="none">None: only store</option>
          <option value="tap">Tap: answer at once, forward in the background</option>
          <option value="proxy">Proxy: answer with what the target answers</option>
        </select>
      </FormField>
      {form.forwardMode !== 'none' && (
        <Field
          label="Forward to"
          testId="forward-url"
          value={form.forwardUrl}
          onChange={(forwardUrl) => onChange({ forwardUrl })}
          error={errors.forwardUrl}
          placeholder="http://127.0.0.1:8000/webhook"
          inputMode="url"
          wide
        />
      )}
      <p className="muted small">
        <strong>Tap</strong> answers the platform as usual and sends a copy to the URL in the background, with
        retries: the platform never waits for your bot. <strong>Proxy</strong> waits for the URL (up to the
        platform's 10 s) and answers the platform with its status and body, as if the bot were reached
        directly.
      </p>
    </fieldset>
  );
}
