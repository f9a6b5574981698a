import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens, searchVector } from '../../../../src-main/core/store/pg/search-text';
import { SEARCH_ALPHABET } from './search-alphabet';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const text = fc.string({ unit: fc.constantFrom(...SEARCH_ALPHABET), maxLength: 60 });

describe('searchTokens', () => {
  it.each([
    ['Hello, World!', ['hello', 'world']],
    ['a_b don’t x-y', ['a', 'b', 'don', 't', 'x', 'y']],
    ['café ÉCOLE Ökonomie ǘ', ['cafe', 'ecole', 'okonomie', 'u']],
    // A combining mark of a Latin letter is dropped wherever it stands.
    ['e\u0301te\u0301 \u0301x', ['ete', 'x']],
    // Other scripts keep their marks and letters whole, as FTS5 does.
    ['йод Ёлка ΆΣΤΡΟ が 한국어 日本語', ['йод', 'ёлка', 'άστρο', 'が', '한국어', '日本語']],
    // Case is folded per code point: Σ is σ at the end too; ſ and µ fold; dotless ı stays.
    ['ΟΔΟΣ οδος ſ µ ı İ', ['οδοσ', 'οδοσ', 's', 'μ', 'ı', 'i']],
    ['straße ǅ Ⅻ x² ①', ['straße', 'ǆ', 'ⅻ', 'x²', '①']],
    // Marks that make no Latin letter, and symbols, separate.
    ['a\u0305b 😀x हिन्दी', ['a', 'b', 'x', 'ह', 'न', 'द']],
    ['\ue000pua', ['\ue000pua']],
    ['', []],
    ['  ...  ', []],
  ])('%j', (input, expected) => {
    expect(searchTokens(input)).toEqual(expected);
  });

  it('makes of ASCII text (its own fast path) the runs of letters and digits, lower-cased', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (input) => {
        const runs = input.match(/[0-9A-Za-z]+/g) ?? [];
        expect(searchTokens(input)).toEqual(runs.map((run) => run.toLowerCase()));
      }),
    );
  });

  it('cuts a token longer than PostgreSQL takes at 2046 bytes, between code points', () => {
    const [cut] = searchTokens('日'.repeat(1000));
    expect(cut).toBe('日'.repeat(682));
    expect(bytes(cut ?? '')).toBe(2046);
    expect(searchTokens(`${'a'.repeat(3000)} b`)).toEqual(['a'.repeat(2046), 'b']);
  });

  it('makes non-empty tokens of letters, numbers and private use, each one a lexeme PostgreSQL takes', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 80 })), (input) => {
        for (const token of searchTokens(input)) {
          expect(token).toMatch(/^[\p{L}\p{N}\p{Co}\p{M}]+$/u);
          expect(bytes(token)).toBeLessThanOrEqual(2046);
        }
      }),
    );
  });

  it('is stable: the tokens of its tokens are the same tokens', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 80 })), (input) => {
        const tokens = searchTokens(input);
        expect(searchTokens(tokens.join(' '))).toEqual(tokens);
      }),
    );
  });

  it('splits at whitespace: two texts give their tokens one after the other', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(searchTokens(`${a} ${b}`)).toEqual([...searchTokens(a), ...searchTokens(b)]);
      }),
    );
  });
});

describe('searchVector', () => {
  it('numbers the text, leaves a gap, then numbers the body', () => {
    expect(searchVector('Hello hello', 'body Hello')).toBe("'hello':1,2,5 'body':4");
    expect(searchVector(null, 'x')).toBe("'x':2");
    expect(searchVector(null, '')).toBe('');
  });

  it("keeps a lexeme's first 256 positions and stops counting at 16383, as PostgreSQL would", () => {
    expect(searchVector(null, 'x '.repeat(300))).toBe(
      `'x':${Array.from({ length: 256 }, (_, i) => i + 2).join(',')}`,
    );
    const long = searchVector(null, `${'w '.repeat(16390)}late`);
    expect(long.endsWith("'late':16383")).toBe(true);
  });
});

describe('searchQuery', () => {
  it.each([
    ['', null],
    [' \t\n', null],
    ['hello', "'hello':*"],
    ['Hello Wor', "'hello' & 'wor':*"],
    // A word's tokens are a phrase; only the last token of the last word is a prefix.
    ['foo-bar baz.qu', "'foo' <-> 'bar' & 'baz' <-> 'qu':*"],
    // Nothing typed is syntax: quotes, operators and colons only separate.
    [`it's "a" & b | !c <-> (d):* \\e`, "'it' <-> 's' & 'a' & 'b' & 'c' & 'd' & 'e':*"],
    // A word without tokens drops out; when it is the last, nothing is a prefix (as in FTS5).
    ['hel !!!', "'hel'"],
    ['!!! hel', "'hel':*"],
    // Words, but no tokens: the empty query, which matches nothing.
    ['!!! ---', ''],
  ])('%j → %j', (input, expected) => {
    expect(searchQuery(input)).toBe(expected);
  });

  it('quotes every lexeme and joins them only with <-> and &', () => {
    const lexeme = String.raw`'(?:[^'\\]|''|\\\\)+'`;
    const phrase = `${lexeme}(?: <-> ${lexeme})*`;
    const query = new RegExp(`^(?:${phrase}(?: & ${phrase})*(?::\\*)?)?$`, 'u');
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 80 })), (input) => {
        const q = searchQuery(input);
        if (input.trim() === '') expect(q).toBeNull();
        if (q !== null) expect(q).toMatch(query);
      }),
    );
  });
});
