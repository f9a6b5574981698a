import { describe, expect, it } from 'vitest';
import { revealControls } from '../../../src-renderer/shared/controlChars';

/** The parts as one line: markers in brackets, so expectations read like what is shown. */
const shown = (text: string) =>
  revealControls(text)
    .map((part) => (part.kind === 'text' ? part.text : `[${part.marker}]`))
    .join('');

describe('revealControls', () => {
  it('leaves ordinary text, tabs, line ends and joiners as one text part', () => {
    for (const text of ['Ada Lovelace', 'a\tb\nc\r\nd', 'עברית', '👩‍👩‍👧', 'zw\u200cnj', '']) {
      expect(revealControls(text)).toEqual([{ kind: 'text', at: 0, text }]);
    }
  });

  it('shows bidi overrides, embeddings, isolates and marks as ⟨U+XXXX⟩, named in the title', () => {
    expect(shown('Doe\u202E')).toBe('Doe[⟨U+202E⟩]');
    expect(shown('\u202Dx\u202C\u2066y\u2069\u200F\u200E\u061C')).toBe(
      '[⟨U+202D⟩]x[⟨U+202C⟩][⟨U+2066⟩]y[⟨U+2069⟩][⟨U+200F⟩][⟨U+200E⟩][⟨U+061C⟩]',
    );
    expect(revealControls('a\u202Eb')).toEqual([
      { kind: 'text', at: 0, text: 'a' },
      { kind: 'control', at: 1, marker: '⟨U+202E⟩', name: 'U+202E RIGHT-TO-LEFT OVERRIDE' },
      { kind: 'text', at: 2, text: 'b' },
    ]);
  });

  it('shows invisible characters, C1 controls and deprecated format characters', () => {
    expect(shown('a\u200Bb\uFEFFc\u2060d\u0085e\u206Af\u2028')).toBe(
      'a[⟨U+200B⟩]b[⟨U+FEFF⟩]c[⟨U+2060⟩]d[⟨U+0085⟩]e[⟨U+206A⟩]f[⟨U+2028⟩]',
    );
  });

  it('shows C0 controls and DEL as the escapes JSON writes, and a CR not ending a line', () => {
    expect(shown('\u0000\u0007\b\f\u000B\u001B\u007F')).toBe(
      '[\\u0000][\\u0007][\\b][\\f][\\u000B][\\u001B][\\u007F]',
    );
    expect(shown('over\rwrite\r\nnext')).toBe('over[\\r]write\r\nnext');
    expect(revealControls('\u0007')[0]).toMatchObject({ name: 'U+0007 control' });
  });
});
