import { useMemo } from 'react';
import { lineDiff } from './lineDiff';

const MARK = { same: ' ', added: '+', removed: '-' } as const;

/** A line diff of two texts, removed lines marked - and added ones +, or a note when they are equal. */
export function DiffView({
  before,
  after,
  label,
  testId,
}: {
  before: string;
  after: string;
  label: string;
  testId: string;
}) {
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const changed = lines.some((line) => line.kind !== 'same');
  if (!changed) {
    return (
      <p className="muted small" data-testid={testId} data-changed="false">
        No difference.
      </p>
    );
  }
  return (
    <pre className="diff" title={label} data-testid={testId} data-changed="true">
      {lines.map((line, index) => (
        // Lines repeat, and the list is rebuilt whole each time: the index is the identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <span key={index} className={`diff-line diff-${line.kind}`} data-kind={line.kind}>
          {MARK[line.kind]} {line.text}
        </span>
      ))}
    </pre>
  );
}
