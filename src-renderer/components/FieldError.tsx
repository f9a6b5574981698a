/** A field's problem under it; the field points here with aria-describedby. */
export function FieldError({
  id,
  message,
  testId,
}: {
  id: string;
  message: string | undefined;
  testId?: string;
}) {
  if (message === undefined) return null;
  return (
    <p className="field-error error-text" id={id} data-testid={testId}>
      {message}
    </p>
  );
}
