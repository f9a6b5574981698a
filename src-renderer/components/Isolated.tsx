import { revealControls } from '../shared/controlChars';
import { Marked } from './highlight/HighlightContext';

interface IsolatedProps {
  text: string;
  className?: string;
  testId?: string;
}

/**
 * Text from outside — a name, a header, a body — in its own bidi island
 * (`<bdi>`), so a right-to-left override in it cannot reorder what follows,
 * with its control and invisible formatting characters shown as markers, and the terms of a
 * search (a HighlightProvider above it) marked.
 */
export function Isolated({ text, className, testId }: IsolatedProps) {
  return (
    <bdi className={className} data-testid={testId}>
      {revealControls(text).map((part) =>
        part.kind === 'text' ? (
          <Marked key={part.at} text={part.text} />
        ) : (
          <span key={part.at} className="control-char" title={part.name}>
            {part.marker}
          </span>
        ),
      )}
    </bdi>
  );
}
