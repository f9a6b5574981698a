import { describe, expect, it } from 'vitest';
import { pgText, pgTextOrNull } from '../../../../src-main/core/store/pg/text-value';

describe('pgText', () => {
  it('replaces U+0000 and unpaired surrogates with U+FFFD, and nothing else', () => {
    expect(pgText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
    expect(pgText('x\ud800y')).toBe('x\uFFFDy');
    expect(pgText('\udc00')).toBe('\uFFFD');
    expect(pgText('end\ud83d')).toBe('end\uFFFD');
    // A surrogate pair is one character (an emoji): kept.
    expect(pgText('ok 😀 é \u0001 \uFFFF')).toBe('ok 😀 é \u0001 \uFFFF');
    const plain = 'plain text';
    expect(pgText(plain)).toBe(plain);
  });

  it('keeps absence', () => {
    expect(pgTextOrNull(null)).toBeNull();
    expect(pgTextOrNull(undefined)).toBeNull();
    expect(pgTextOrNull('\u0000')).toBe('\uFFFD');
  });
});
