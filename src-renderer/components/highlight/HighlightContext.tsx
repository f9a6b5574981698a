import { createContext, type ReactNode, useContext } from 'react';
import { splitByTerms } from './splitByTerms';

const NO_TERMS: readonly string[] = [];
const HighlightContext = createContext<readonly string[]>(NO_TERMS);

/** Everything below marks these terms (a search's words) where it shows outside text (Isolated, Marked). */
export function HighlightProvider({ terms, children }: { terms: readonly string[]; children: ReactNode }) {
  return <HighlightContext.Provider value={terms}>{children}</HighlightContext.Provider>;
}

export const useHighlightTerms = (): readonly string[] => useContext(HighlightContext);

/** Plain text with the matching stretches in <mark>; `terms` defaults to the nearest provider's. */
export function Marked({ text, terms }: { text: string; terms?: readonly string[] }) {
  const fromContext = useHighlightTerms();
  const pieces = splitByTerms(text, terms ?? fromContext);
  if (pieces.length === 1 && pieces[0]?.match !== true) return text;
  return pieces.map((piece, index) =>
    piece.match ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, never reordered
      <mark key={index} className="search-match">
        {piece.text}
      </mark>
    ) : (
      piece.text
    ),
  );
}
