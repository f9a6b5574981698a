import { useId } from 'react';
import { FieldError } from '../../components/FieldError';

interface FieldProps {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  placeholder?: string;
  /** Said after the input: a unit, or what empty means. */
  hint?: string;
  inputMode?: 'numeric' | 'decimal' | 'url';
  wide?: boolean;
}

/** One labelled text input of the settings form, with its problem under it. */
export function Field({
  label,
  testId,
  value,
  onChange,
  error,
  placeholder,
  hint,
  inputMode,
  wide,
}: FieldProps) {
  const id = useId();
  return (
    <>
      <div className="form-row">
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          type="text"
          className={wide === true ? 'wide-input' : 'number-input'}
          data-testid={testId}
          value={value}
          placeholder={placeholder}
          inputMode={inputMode}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(event) => onChange(event.target.value)}
        />
        {hint !== undefined && <span className="muted small">{hint}</span>}
      </div>
      <FieldError id={`${id}-error`} message={error} testId={`${testId}-error`} />
    </>
  );
}
