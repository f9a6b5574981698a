import { revealControls } from '../shared/controlChars';

interface IsolatedProps {
  text: string;
  className?: string;
  testId?: string;
}

/**
 * Text from outside — a name, a header, a body — in its own bidi island
 * (`<bdi>`), so a right-to-left override in it cannot reorder what follows,
 * with its control and invisible formatting characters shown as markers.
 */
export function Isolated({ text, className, testId }: IsolatedProps) {
  return (
    <bdi className={className} data-testid={testId}>
      {revealControls(text).map((part) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={part.at} className="control-char" title={part.name}>
            {part.marker}
          </span>
        ),
      )}
    </bdi>
  );
}
