import type { Problem } from '@contract';
import { PROBLEMS } from './problems';

export function ProblemBadge({ problem }: { problem: Problem }) {
  const { label, explanation } = PROBLEMS[problem];
  return (
    <span
      className={`badge problem-${problem}`}
      title={explanation}
      data-testid="problem-badge"
      data-problem={problem}
    >
      {label}
    </span>
  );
}
