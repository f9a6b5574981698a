import { Field } from './Field';
import type { SettingsErrors, SettingsForm } from './settingsForm';

interface RetentionFieldsProps {
  form: SettingsForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
}

export function RetentionFields({ form, errors, onChange }: RetentionFieldsProps) {
  return (
    <fieldset className="settings-section">
      <legend>Retention</legend>
      <Field
        label="Keep at most"
        testId="retention-count"
        value={form.keepCount}
        onChange={(keepCount) => onChange({ keepCount })}
        error={errors.keepCount}
        inputMode="numeric"
        placeholder="no limit"
        hint="deliveries"
      />
      <Field
        label="Keep for"
        testId="retention-days"
        value={form.keepDays}
        onChange={(keepDays) => onChange({ keepDays })}
        error={errors.keepDays}
        inputMode="decimal"
        placeholder="no limit"
        hint="days"
      />
      <p className="muted small">Older deliveries are pruned in the background.</p>
    </fieldset>
  );
}
