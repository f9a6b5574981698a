import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { FieldError } from './FieldError';

/** A field's problem line: where it lives (the control points there), what it says, how tests find it. */
export interface FieldProblem {
  id: string;
  message: string | undefined;
  testId?: string;
}

interface FieldProps {
  /** The control's id: the label points at it. */
  htmlFor: string;
  label: ReactNode;
  /** For tall controls (text areas, row lists): the label sits at the top of the row. */
  top?: boolean;
  /** Shown under the row when it has a message. */
  problem?: FieldProblem;
  /** The control, then whatever is said after it (a unit, a hint). */
  children: ReactNode;
}

/** One labelled row of a form, with its problem line under it. */
export function Field({ htmlFor, label, top, problem, children }: FieldProps) {
  return (
    <>
      <div className={top === true ? 'form-row form-row-top' : 'form-row'}>
        <label className="form-label" htmlFor={htmlFor}>
          {label}
        </label>
        {children}
      </div>
      {problem !== undefined && (
        <FieldError id={problem.id} message={problem.message} testId={problem.testId} />
      )}
    </>
  );
}

export type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  testId: string;
  value: string;
  onValue: (value: string) => void;
  /** Marks the input invalid and points it at the problem line while there is a message. */
  problem?: FieldProblem;
};

/**
 * An input as the forms here want it: text gets no spell check and no autofill (ids, URLs, tokens)
 * unless the caller says otherwise; a number input keeps the browser's ways.
 */
export function TextInput({ testId, value, onValue, problem, ...rest }: TextInputProps) {
  const invalid = problem !== undefined && problem.message !== undefined;
  const textual = rest.type !== 'number';
  return (
    <input
      data-testid={testId}
      value={value}
      spellCheck={textual ? false : undefined}
      autoComplete={textual ? 'off' : undefined}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={invalid ? problem.id : undefined}
      {...rest}
      onChange={(event) => onValue(event.target.value)}
    />
  );
}

type TextFieldProps = TextInputProps & {
  /** The input's id; one of its own when the caller needs none. */
  id?: string;
  label: ReactNode;
  /** Said after the input: a unit, a hint, where the value came from. */
  children?: ReactNode;
};

/** A labelled text input with its problem line: the commonest row of every form here. */
export function TextField({ id, label, children, ...input }: TextFieldProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  return (
    <Field htmlFor={inputId} label={label} problem={input.problem}>
      <TextInput id={inputId} {...input} />
      {children}
    </Field>
  );
}

interface WrappedFieldProps {
  label: ReactNode;
  /** The label's own class and its words' class, as the toolbar's sheet wants them. */
  className?: string;
  labelClassName?: string;
  children: ReactNode;
}

/** A filter bar's field: the control inside its label, the words before it. */
export function WrappedField({ label, className, labelClassName = 'muted', children }: WrappedFieldProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children, inside the label
    <label className={className}>
      <span className={labelClassName}>{label}</span>
      {children}
    </label>
  );
}
