import type { ReactNode } from 'react';

interface CheckboxProps {
  testId: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  disabled?: boolean;
  /** `checkbox` in a form row (the default); `check-row` for a box on a line of its own. */
  className?: string;
  children: ReactNode;
}

/** A tick box inside its own label, so the words toggle it too. */
export function Checkbox({
  testId,
  checked,
  onChecked,
  disabled,
  className = 'checkbox',
  children,
}: CheckboxProps) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChecked(event.target.checked)}
      />
      {children}
    </label>
  );
}
