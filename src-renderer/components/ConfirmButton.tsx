import { type ReactNode, useState } from 'react';

interface ConfirmButtonProps {
  /** The action's name, on both the first button and the confirming one. */
  label: string;
  /** Shown while confirming, e.g. `Delete “x”?`. */
  question: ReactNode;
  /** The first button's test id; the confirming one gets `<testId>-confirm`. */
  testId: string;
  disabled?: boolean;
  /** Why it is disabled, or what it does. */
  title?: string | undefined;
  /** Replaces the confirming button's label while the action runs. */
  busyLabel?: string | null;
  onConfirm: () => void;
}

/** A destructive action in two clicks: the first asks, the second does it, "Keep" backs out. */
export function ConfirmButton({
  label,
  question,
  testId,
  disabled = false,
  title,
  busyLabel = null,
  onConfirm,
}: ConfirmButtonProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="button"
        data-testid={testId}
        disabled={disabled}
        title={title}
        onClick={() => setConfirming(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <>
      <span>{question}</span>
      <button
        type="button"
        className="button danger"
        data-testid={`${testId}-confirm`}
        disabled={disabled}
        onClick={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        {busyLabel ?? label}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </>
  );
}
