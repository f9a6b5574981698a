export interface TextPiece {
  text: string;
  match: boolean;
}

const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` cut into the stretches that match one of `terms` (case-insensitive) and those that do
 * not, in order; longer terms win where two would match at the same place.
 */
export function splitByTerms(text: string, terms: readonly string[]): TextPiece[] {
  const usable = terms.filter((term) => term !== '');
  if (usable.length === 0 || text === '') return [{ text, match: false }];
  const sorted = [...usable].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'giu');
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: found[0], match: true });
    at = start + found[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces.length === 0 ? [{ text, match: false }] : pieces;
}
