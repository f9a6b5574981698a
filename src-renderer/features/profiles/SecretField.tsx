import { useId } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';

interface SecretFieldProps {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  /** Whether core holds one; null for a profile not yet created. */
  isSet: boolean | null;
  remove: boolean;
  onRemoveChange: (remove: boolean) => void;
  /** Why the value as typed would be refused; shown under the field. */
  error?: string | null;
}

/**
 * A token, JWT or webhook secret: write-only, as core never sends secrets back. Blank keeps the
 * stored one; removing it is an explicit box to tick, not an emptied field.
 */
export function SecretField({
  label,
  testId,
  value,
  onChange,
  isSet,
  remove,
  onRemoveChange,
  error = null,
}: SecretFieldProps) {
  const statusId = useId();
  const errorId = `${statusId}-error`;
  return (
    <Field
      htmlFor={`${statusId}-input`}
      label={label}
      problem={{ id: errorId, message: error ?? undefined, testId: `${testId}-error` }}
    >
      <span className="secret-field">
        <input
          id={`${statusId}-input`}
          type="password"
          data-testid={testId}
          value={value}
          disabled={remove}
          autoComplete="new-password"
          spellCheck={false}
          placeholder={isSet ? 'leave blank to keep' : ''}
          aria-invalid={error === null ? undefined : true}
          aria-describedby={error === null ? statusId : `${statusId} ${errorId}`}
          onChange={(event) => onChange(event.target.value)}
        />
        <span id={statusId} className="muted small" data-testid={`${testId}-status`}>
          {isSet === null ? 'optional' : isSet ? 'set' : 'not set'}
        </span>
        {isSet === true && (
          <Checkbox testId={`${testId}-remove`} checked={remove} onChecked={onRemoveChange}>
            remove
          </Checkbox>
        )}
      </span>
    </Field>
  );
}
