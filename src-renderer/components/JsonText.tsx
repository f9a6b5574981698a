import { useMemo } from 'react';
import { JsonTree } from './JsonTree';

type Parsed = { ok: true; value: unknown } | { ok: false };

function parse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSON kept as text (a link's options are signed as text): a tree when it parses, else the text as it is. */
export function JsonText({ text, testId }: { text: string; testId?: string }) {
  const parsed = useMemo(() => parse(text), [text]);
  return (
    <div data-testid={testId}>
      {parsed.ok ? <JsonTree value={parsed.value} /> : <pre className="code-block">{text}</pre>}
    </div>
  );
}
