import type { ReactNode } from 'react';

interface FormErrorProps {
  error: string | null;
  testId: string;
}

/** What went wrong with the whole form, announced as it appears. */
export function FormError({ error, testId }: FormErrorProps) {
  if (error === null) return null;
  return (
    <p className="error-text" role="alert" data-testid={testId}>
      {error}
    </p>
  );
}

interface FormFooterProps {
  /** The form's own error, shown above the buttons (or below them with `errorBelow`). */
  error?: FormErrorProps;
  errorBelow?: boolean;
  /** The buttons, and anything said beside them. */
  children: ReactNode;
}

/** The end of a form: its error line and its buttons. */
export function FormFooter({ error, errorBelow, children }: FormFooterProps) {
  const errorLine = error === undefined ? null : <FormError {...error} />;
  return (
    <>
      {errorBelow !== true && errorLine}
      <div className="form-actions">{children}</div>
      {errorBelow === true && errorLine}
    </>
  );
}

interface SubmitButtonProps {
  testId: string;
  /** Not allowed for this role also disables the button, and says why on hover. */
  allowed?: { allowed: boolean; reason: string | undefined };
  disabled?: boolean;
  children: ReactNode;
}

/** The form's primary button. */
export function SubmitButton({ testId, allowed, disabled = false, children }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className="button primary"
      data-testid={testId}
      disabled={(allowed !== undefined && !allowed.allowed) || disabled}
      title={allowed?.reason}
    >
      {children}
    </button>
  );
}
