import type { KeyboardEvent, PointerEvent } from 'react';
import { matches } from '../shortcuts/registry';

/** How far one arrow key moves a splitter or a column edge. */
export const RESIZE_STEP = 16;

interface ResizeHandleProps {
  /** The width the handle controls, in px. */
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  label: string;
  className: string;
  testId?: string;
}

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));

/**
 * A vertical separator that resizes what is left of it: dragged with the pointer (mouse, pen or
 * touch), or focused and moved with the arrow keys, as the WAI-ARIA window splitter pattern has it.
 */
export function ResizeHandle({ value, min, max, onChange, label, className, testId }: ResizeHandleProps) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const startX = event.clientX;
    const startValue = value;
    const handle = event.currentTarget;
    handle.setPointerCapture?.(event.pointerId);
    const move = (moved: globalThis.PointerEvent) =>
      onChange(clamp(startValue + moved.clientX - startX, min, max));
    const end = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const wider = matches('resize.wider', event);
    if (!wider && !matches('resize.narrower', event)) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(clamp(value + (wider ? RESIZE_STEP : -RESIZE_STEP), min, max));
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, movable separator (window splitter pattern); <hr> cannot take focus or keys
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={className}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
