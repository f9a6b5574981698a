import { describe, expect, it } from 'vitest';
import { indent, outdent } from '../../src-renderer/features/commands/indent';

describe('code editor indentation', () => {
  it('inserts an indent at the caret', () => {
    expect(indent('ab', 1, 1)).toEqual({ text: 'a  b', start: 3, end: 3 });
  });

  it('indents every line a selection touches, but not a line it only ends at', () => {
    const text = 'one\ntwo\nthree';
    // From inside "one" to the start of "three": lines one and two.
    expect(indent(text, 1, 8)).toEqual({ text: '  one\n  two\nthree', start: 3, end: 12 });
  });

  it('outdents by up to one indent or a tab, keeping the caret on its line', () => {
    expect(outdent('    a\n\tb\nc', 0, 9)).toEqual({ text: '  a\nb\nc', start: 0, end: 6 });
    expect(outdent('  abc', 4, 4)).toEqual({ text: 'abc', start: 2, end: 2 });
    expect(outdent(' abc', 0, 0)).toEqual({ text: 'abc', start: 0, end: 0 });
  });
});
