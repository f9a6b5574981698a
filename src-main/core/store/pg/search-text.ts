// Full-text search in PostgreSQL that finds what SQLite's FTS5 finds.
//
// SQLite indexes with `unicode61 remove_diacritics 2`. PostgreSQL's own
// parser splits and lower-cases by the server's locale, so it cannot promise
// the same tokens; instead the app tokenizes here, exactly once, and hands
// PostgreSQL finished lexemes: a tsvector literal (`$1::tsvector`) to store
// and a tsquery literal (`$1::tsquery`) to match with `@@`. Neither cast
// runs a parser or a dictionary, so results do not depend on the server.
//
// The tokenizer follows unicode61 as measured against SQLite, code point by
// code point:
// - letters, numbers and private-use characters make tokens; everything
//   else separates them;
// - case is folded one code point at a time (simple case folding: a final
//   ς, ſ and µ fold like σ, s and μ; the Turkish dotless ı stays);
// - a Latin letter loses its diacritics (é → e, ǘ → u), and the combining
//   marks that make up such letters are dropped wherever they stand; other
//   scripts keep theirs (й, ά, が, Hangul syllables stay whole).
// Checked over every code point, this gives FTS5's tokens for every
// character SQLite's Unicode tables know, except Ǡ/ǡ (they keep their marks
// there). The other differences come from the age of those tables:
// characters assigned since (newer emoji and scripts, unassigned ones) are
// word characters there and separators or folded here, by today's Unicode.

/** PostgreSQL refuses longer lexemes; a longer token is cut, the same way in text and query. */
const MAX_LEXEME_BYTES = 2046;
/** tsvector positions stop here (later ones are stored as this one)... */
const MAX_POSITION = 16383;
/** ...and a lexeme keeps at most this many, the first ones. */
const MAX_POSITIONS_PER_LEXEME = 256;

let latinMarks: ReadonlySet<string> | undefined;
let tokenRun: RegExp | undefined;

/**
 * The combining marks found in decomposed Latin letters with an ASCII base:
 * the diacritics FTS5 removes (25 marks, from U+0300 to U+0331).
 */
function latinDiacritics(): ReadonlySet<string> {
  if (latinMarks) return latinMarks;
  const marks = new Set<string>();
  // The precomposed Latin letters: Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional.
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let cp = from; cp <= to; cp++) {
      const [base, ...rest] = String.fromCodePoint(cp).normalize('NFD');
      if (base !== undefined && /^[A-Za-z]$/.test(base)) for (const mark of rest) marks.add(mark);
    }
  }
  latinMarks = marks;
  return marks;
}

function tokenPattern(): RegExp {
  if (!tokenRun) {
    const marks = [...latinDiacritics()].map((m) => `\\u{${(m.codePointAt(0) as number).toString(16)}}`);
    tokenRun = new RegExp(`[\\p{L}\\p{N}\\p{Co}${marks.join('')}]+`, 'gu');
  }
  return tokenRun;
}

/** Folding per code point is the slow part for non-ASCII text; bounded, since senders choose the code points. */
const folded = new Map<string, string>();
const FOLDED_KEPT = 8192;

/** One code point of a token as FTS5 indexes it: case folded, Latin diacritics removed. */
function foldCodePoint(c: string): string {
  const known = folded.get(c);
  if (known !== undefined) return known;
  let out = c.toLowerCase();
  if (out === c && c !== 'ı') {
    // Already lower case, but maybe a variant form (ς, ſ, µ, ϐ) that folds to the usual one.
    const upper = c.toUpperCase();
    if ([...upper].length === 1) out = upper.toLowerCase();
  }
  const [base, ...rest] = out.normalize('NFD');
  if (base === undefined) out = '';
  else if (latinDiacritics().has(base)) out = '';
  else if (/^[a-z]$/.test(base)) out = base + rest.filter((m) => !latinDiacritics().has(m)).join('');
  if (folded.size >= FOLDED_KEPT) folded.clear();
  folded.set(c, out);
  return out;
}

const utf8 = new TextEncoder();

/** Cuts a token to what a lexeme may hold, never inside a code point. */
function fitLexeme(token: string): string {
  if (token.length * 3 <= MAX_LEXEME_BYTES || utf8.encode(token).length <= MAX_LEXEME_BYTES) return token;
  let bytes = 0;
  let end = 0;
  for (const c of token) {
    const size = utf8.encode(c).length;
    if (bytes + size > MAX_LEXEME_BYTES) break;
    bytes += size;
    end += c.length;
  }
  return token.slice(0, end);
}

/** Any character past ASCII (a UTF-16 unit, so surrogates too); nearly no body or search has one. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The tokens of ASCII text: its runs of letters and digits, lower-cased,
 * which is what the general path below makes of it, found by a scan of
 * char codes instead of a Unicode regex and a match object per token (the
 * group commit tokenizes every body).
 */
function asciiTokens(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const wordChar = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    if (wordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(fitLexeme(text.slice(start, i).toLowerCase()));
      start = -1;
    }
  }
  return tokens;
}

/** The tokens FTS5's unicode61 tokenizer (remove_diacritics 2) makes of `text`, in order. */
export function searchTokens(text: string): string[] {
  if (!NON_ASCII.test(text)) return asciiTokens(text);
  const tokens: string[] = [];
  for (const [run] of text.matchAll(tokenPattern())) {
    // An ASCII run (in text that has other characters too) folds with one call.
    const token = /^[0-9A-Za-z]*$/.test(run) ? run.toLowerCase() : [...run].map(foldCodePoint).join('');
    if (token !== '') tokens.push(fitLexeme(token));
  }
  return tokens;
}

/** What a lexeme must escape: no token holds either (they are letters, numbers and marks), but a literal stays safe. */
const NEEDS_ESCAPES = /['\\]/;

/** A lexeme quoted for tsvector and tsquery input: nothing in it is read as syntax. */
const quoteLexeme = (lexeme: string): string =>
  NEEDS_ESCAPES.test(lexeme) ? `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${lexeme}'`;

/**
 * What a delivery's `search` column holds, as a tsvector literal: the tokens
 * of its summary text, then those of its body (see `searchableBody`), with
 * one position left empty between them so that a phrase cannot run from one
 * into the other (FTS5 keeps them in two columns).
 *
 * PostgreSQL keeps a lexeme's first 256 positions and none past 16383: in a
 * body of more words than that, a phrase (a query word of several tokens)
 * can miss where FTS5 finds it. Single tokens are always found.
 */
export function searchVector(text: string | null, body: string): string {
  const positions = new Map<string, number[]>();
  let position = 0;
  const add = (source: string) => {
    for (const token of searchTokens(source)) {
      position += 1;
      const at = Math.min(position, MAX_POSITION);
      const list = positions.get(token);
      if (list === undefined) positions.set(token, [at]);
      else if (list.length < MAX_POSITIONS_PER_LEXEME && list[list.length - 1] !== at) list.push(at);
    }
  };
  add(text ?? '');
  position += 1;
  add(body);
  // Concatenated, not mapped and joined: this runs for every delivery of a group commit.
  let vector = '';
  for (const [lexeme, at] of positions) {
    vector += `${vector === '' ? '' : ' '}${quoteLexeme(lexeme)}:${at.join(',')}`;
  }
  return vector;
}

/**
 * A user's search words as a tsquery literal, with the meaning `ftsQuery`
 * gives them in SQLite: every word must occur (its tokens as a phrase), and
 * the last token of the last word matches as a prefix, so results follow
 * the typing. Returns null when there are no words (no search), and the
 * empty query, which matches nothing, when no word has a token (as in FTS5).
 */
export function searchQuery(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const phrases: string[] = [];
  words.forEach((word, index) => {
    const lexemes = searchTokens(word).map(quoteLexeme);
    if (lexemes.length === 0) return;
    // FTS5 puts the `*` on the last word only: when that word has no token, nothing is a prefix.
    if (index === words.length - 1) lexemes[lexemes.length - 1] += ':*';
    phrases.push(lexemes.join(' <-> '));
  });
  return phrases.join(' & ');
}
