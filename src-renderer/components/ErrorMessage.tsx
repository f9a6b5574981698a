interface ErrorMessageProps {
  message: string;
  onRetry?: () => void;
  testId?: string;
}

/** A failed call, said where it happened, with a way to try again. */
export function ErrorMessage({ message, onRetry, testId = 'error-message' }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert" data-testid={testId}>
      <span>{message}</span>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
