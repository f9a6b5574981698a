import type { InboxSettings } from '@contract';
import { type FormEvent, useMemo, useState } from 'react';
import { useAllowed } from '../../shared/access';
import { useSettings } from './context';
import { ForwardingFields } from './ForwardingFields';
import { RetentionFields } from './RetentionFields';
import { RuleFields } from './RuleFields';
import { SecretCheckFields } from './SecretCheckFields';
import { formToPatch, type SettingsForm, settingsToForm } from './settingsForm';

/** The form over one inbox's saved settings; the panel mounts it afresh whenever they are read again. */
export function SettingsFormView({ settings }: { settings: InboxSettings }) {
  const save = useSettings((state) => state.save);
  const saving = useSettings((state) => state.saving);
  const saveError = useSettings((state) => state.saveError);
  const saved = useSettings((state) => state.saved);
  const canSave = useAllowed('inboxes.configure');
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(settings));
  const { patch, errors, changed } = useMemo(() => formToPatch(form, settings), [form, settings]);
  const valid = Object.keys(errors).length === 0;

  const onChange = (next: Partial<SettingsForm>) => setForm({ ...form, ...next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave.allowed && valid && changed) void save(patch);
  };

  return (
    <form className="settings-form" noValidate onSubmit={submit}>
      <ForwardingFields form={form} errors={errors} onChange={onChange} />
      <RuleFields
        form={form}
        errors={errors}
        onChange={onChange}
        hits={settings.rule === null ? null : settings.ruleHits}
      />
      <RetentionFields form={form} errors={errors} onChange={onChange} />
      <SecretCheckFields form={form} onChange={onChange} />
      {saveError !== null && (
        <p className="error-text" role="alert" data-testid="settings-error">
          Not saved: {saveError}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="settings-save"
          disabled={!canSave.allowed || !valid || !changed || saving}
          title={canSave.reason}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        {!valid && <span className="error-text">Fix the fields marked above to save.</span>}
        {valid && !changed && (
          <span className="muted" role="status" data-testid="settings-status">
            {saved ? 'Saved.' : 'No changes.'}
          </span>
        )}
      </div>
    </form>
  );
}
