import type { ReactNode } from 'react';

interface DescriptionItemProps {
  label: string;
  children: ReactNode;
  /** On the whole item (label and value). */
  testId?: string;
  /** On the value alone, for tests that read what it says. */
  valueTestId?: string;
}

/** One label and its value in a `<dl className="fields">`: the read-only facts of a delivery, a webhook, a link. */
export function DescriptionItem({ label, children, testId, valueTestId }: DescriptionItemProps) {
  return (
    <div className="field" data-testid={testId}>
      <dt>{label}</dt>
      <dd data-testid={valueTestId}>{children}</dd>
    </div>
  );
}
