import { useId } from 'react';
import { TextField } from '../../components/Field';

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

/** One labelled text input of the settings form: short for numbers, wide for URLs. */
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
    <TextField
      id={id}
      label={label}
      type="text"
      className={wide === true ? 'wide-input' : 'number-input'}
      testId={testId}
      value={value}
      placeholder={placeholder}
      inputMode={inputMode}
      problem={{ id: `${id}-error`, message: error, testId: `${testId}-error` }}
      onValue={onChange}
    >
      {hint !== undefined && <span className="muted small">{hint}</span>}
    </TextField>
  );
}
