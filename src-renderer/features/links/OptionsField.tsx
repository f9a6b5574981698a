import { Field } from '../../components/Field';
import { optionsProblem } from './linkForm';

interface OptionsFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
}

/** The options as JSON text: a parse error is shown as it is typed, and Generate waits for valid JSON. */
export function OptionsField({ id, value, onChange }: OptionsFieldProps) {
  const problem = optionsProblem(value);
  return (
    <Field htmlFor={id} label="Options (JSON)" top>
      <div className="field-stack">
        <textarea
          id={id}
          className="options-editor"
          data-testid="link-options"
          value={value}
          rows={4}
          spellCheck={false}
          placeholder='e.g. { "level": 10 } — empty for none'
          aria-invalid={problem !== null}
          aria-describedby={`${id}-problem`}
          onChange={(event) => onChange(event.target.value)}
        />
        <span
          id={`${id}-problem`}
          className={problem === null ? 'muted small' : 'error-text small'}
          data-testid={problem === null ? undefined : 'link-options-problem'}
        >
          {problem ?? 'Signed as compact JSON; the command reads it, parsed, as `options`.'}
        </span>
      </div>
    </Field>
  );
}
