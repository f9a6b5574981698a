import type { TransferFormat } from '@contract';
import { Field } from '../../components/Field';
import { FORMAT_LABELS } from './formats';

interface FormatSelectProps {
  id: string;
  testId: string;
  value: TransferFormat;
  onChange: (format: TransferFormat) => void;
  disabled?: boolean;
}

/** NDJSON or HAR, labelled the same in the export and import dialogs. */
export function FormatSelect({ id, testId, value, onChange, disabled = false }: FormatSelectProps) {
  return (
    <Field htmlFor={id} label="Format">
      <select
        id={id}
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as TransferFormat)}
      >
        {(Object.keys(FORMAT_LABELS) as TransferFormat[]).map((format) => (
          <option key={format} value={format}>
            {FORMAT_LABELS[format]}
          </option>
        ))}
      </select>
    </Field>
  );
}
