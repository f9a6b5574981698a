interface ProgressBarProps {
  /** Null while the amount is not known yet: the bar is then indeterminate. */
  value: number | null;
  max: number | null;
  label: string;
  testId: string;
}

/**
 * A progress bar with the ARIA values a test or a screen reader reads
 * (aria-valuenow is what is done, aria-valuemax the total), drawn with a
 * div: a <progress> element cannot be styled the same in every engine.
 */
export function ProgressBar({ value, max, label, testId }: ProgressBarProps) {
  const known = value !== null && max !== null;
  const share = known && max > 0 ? Math.min(1, value / max) : known ? 1 : null;
  return (
    <div
      className={share === null ? 'progress progress-indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={known ? 0 : undefined}
      aria-valuenow={known ? value : undefined}
      aria-valuemax={known ? max : undefined}
      data-testid={testId}
    >
      <div className="progress-fill" style={share === null ? undefined : { width: `${share * 100}%` }} />
    </div>
  );
}
