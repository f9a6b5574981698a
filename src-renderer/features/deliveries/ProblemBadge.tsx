import { problemText } from './problems';

/** A delivery's problem as a badge; an unknown code is shown as it is, in a neutral badge. */
export function ProblemBadge({ problem }: { problem: string }) {
  const { label, explanation, known } = problemText(problem);
  return (
    <span
      // Only known codes become class names: an unknown one must not pick a style of its own.
      className={`badge ${known ? `problem-${problem}` : 'problem-other'}`}
      title={explanation}
      data-testid="problem-badge"
      data-problem={problem}
    >
      {label}
    </span>
  );
}
