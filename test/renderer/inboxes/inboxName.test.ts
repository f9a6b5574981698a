import { InboxName } from '@contract';
import { describe, expect, it } from 'vitest';
import { inboxNameProblem } from '../../../src-renderer/features/inboxes/inboxName';

describe('inboxNameProblem', () => {
  // The renderer asks the contract’s zod-free rule (no zod in the bundle): it must agree with the schema.
  it('accepts exactly what the contract accepts', () => {
    const names = [
      '',
      'a',
      'shop',
      'Shop_2-b',
      'x'.repeat(64),
      'x'.repeat(65),
      'my shop',
      'é',
      'a/b',
      'a.b',
      ' a',
    ];
    for (const name of names) {
      expect({ name, ok: inboxNameProblem(name) === null }).toEqual({
        name,
        ok: InboxName.safeParse(name).success,
      });
    }
  });

  it('says what is wrong', () => {
    expect(inboxNameProblem('')).toBe('Enter a name for the inbox.');
    expect(inboxNameProblem('a/b')).toBe('Only letters, digits, "_" or "-": “/” is not allowed.');
    expect(inboxNameProblem('x'.repeat(70))).toBe('At most 64 characters; this name has 70.');
  });
});
