import { useId } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { Field as FormField } from '../../components/Field';
import { formatCount } from '../deliveries/format';
import { Field } from './Field';
import type { SettingsErrors, SettingsForm } from './settingsForm';

interface RuleFieldsProps {
  form: SettingsForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<SettingsForm>) => void;
  /** How many deliveries the saved rule has answered; null when none is saved. */
  hits: number | null;
}

/** A response rule: answer deliveries with another status, late, some of the time. */
export function RuleFields({ form, errors, onChange, hits }: RuleFieldsProps) {
  const id = useId();
  return (
    <fieldset className="settings-section">
      <legend>Response rule</legend>
      <div className="form-row">
        <Checkbox
          testId="rule-enabled"
          checked={form.ruleEnabled}
          onChecked={(ruleEnabled) => onChange({ ruleEnabled })}
        >
          Answer deliveries by this rule instead of as usual
        </Checkbox>
      </div>
      {hits !== null && (
        <p className="muted small" data-testid="rule-hits">
          Answered {formatCount(hits)} {hits === 1 ? 'delivery' : 'deliveries'} so far.
        </p>
      )}
      {form.ruleEnabled && (
        <>
          <Field
            label="Status"
            testId="rule-status"
            value={form.ruleStatus}
            onChange={(ruleStatus) => onChange({ ruleStatus })}
            error={errors.ruleStatus}
            inputMode="numeric"
          />
          <FormField
            htmlFor={id}
            label="Body"
            top
            problem={{ id: `${id}-error`, message: errors.ruleBody, testId: 'rule-body-error' }}
          >
            <textarea
              id={id}
              className="wide-input"
              data-testid="rule-body"
              rows={3}
              spellCheck={false}
              value={form.ruleBody}
              aria-invalid={errors.ruleBody === undefined ? undefined : true}
              aria-describedby={errors.ruleBody === undefined ? undefined : `${id}-error`}
              onChange={(event) => onChange({ ruleBody: event.target.value })}
            />
          </FormField>
          <Field
            label="Delay"
            testId="rule-delay"
            value={form.ruleDelay}
            onChange={(ruleDelay) => onChange({ ruleDelay })}
            error={errors.ruleDelay}
            inputMode="numeric"
            hint="ms before answering"
          />
          <Field
            label="Only the first"
            testId="rule-first-n"
            value={form.ruleFirstN}
            onChange={(ruleFirstN) => onChange({ ruleFirstN })}
            error={errors.ruleFirstN}
            inputMode="numeric"
            placeholder="all"
            hint="deliveries after saving; empty: all"
          />
          <Field
            label="At a rate of"
            testId="rule-rate"
            value={form.ruleRate}
            onChange={(ruleRate) => onChange({ ruleRate })}
            error={errors.ruleRate}
            inputMode="decimal"
            placeholder="all"
            hint="0–1, at random (0.25: one in four); empty: all"
          />
        </>
      )}
    </fieldset>
  );
}
