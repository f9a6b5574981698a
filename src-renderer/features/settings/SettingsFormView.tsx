import type { InboxSettings } from '@contract';
import { type FormEvent, useMemo, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';
import { FormError, FormFooter, SubmitButton } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { formatCount } from '../deliveries/format';
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
  const saveError = useSettings((state) => state.saveError?.message ?? null);
  const saved = useSettings((state) => state.saved);
  const retentionCount = useSettings((state) => state.retentionCount);
  const canSave = useAllowed('inboxes.configure');
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(settings));
  const { patch, errors, changed } = useMemo(() => formToPatch(form, settings), [form, settings]);
  const valid = Object.keys(errors).length === 0;
  /** Retention that would delete deliveries at once waits for a yes, with the number. */
  const [confirm, setConfirm] = useState<{ count: number } | null>(null);
  const [counting, setCounting] = useState(false);
  const [countError, setCountError] = useState<string | null>(null);

  const onChange = (next: Partial<SettingsForm>) => {
    setConfirm(null);
    setCountError(null);
    setForm({ ...form, ...next });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave.allowed || !valid || !changed) return;
    if (patch.retention !== undefined) {
      setCounting(true);
      setCountError(null);
      try {
        const count = await retentionCount(patch.retention);
        if (count > 0) {
          setConfirm({ count });
          return;
        }
      } catch (error) {
        // Not knowing how many would go is no ground to delete them unasked.
        setCountError(`Could not count what this retention would delete: ${errorMessage(error)}`);
        return;
      } finally {
        setCounting(false);
      }
    }
    void save(patch);
  };
  const confirmed = () => {
    setConfirm(null);
    void save(patch);
  };

  return (
    <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
      <ForwardingFields form={form} errors={errors} onChange={onChange} />
      <RuleFields
        form={form}
        errors={errors}
        onChange={onChange}
        hits={settings.rule === null ? null : settings.ruleHits}
      />
      <RetentionFields form={form} errors={errors} onChange={onChange} />
      <SecretCheckFields form={form} onChange={onChange} />
      <FormError error={countError} testId="retention-count-error" />
      {confirm !== null && (
        <div className="info-note" role="alert" data-testid="retention-confirm">
          <p>
            Saving deletes {formatCount(confirm.count)} {confirm.count === 1 ? 'delivery' : 'deliveries'} of “
            {settings.inbox}” now: what this retention does not keep.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button danger"
              data-testid="retention-confirm-save"
              onClick={confirmed}
            >
              Delete {formatCount(confirm.count)} and save
            </button>
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              Keep editing
            </button>
          </div>
        </div>
      )}
      <FormFooter
        error={{ error: saveError === null ? null : `Not saved: ${saveError}`, testId: 'settings-error' }}
      >
        <SubmitButton
          testId="settings-save"
          allowed={canSave}
          disabled={!valid || !changed || saving || counting || confirm !== null}
        >
          {saving ? 'Saving…' : 'Save'}
        </SubmitButton>
        {!valid && <span className="error-text">Fix the fields marked above to save.</span>}
        {valid && !changed && (
          <span className="muted" role="status" data-testid="settings-status">
            {saved ? 'Saved.' : 'No changes.'}
          </span>
        )}
      </FormFooter>
    </form>
  );
}
