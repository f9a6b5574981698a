import { CommandName } from '@contract';
import { describe, expect, it } from 'vitest';
import { commandNameProblem } from '../../../src-renderer/features/commands/commandName';

describe('commandNameProblem', () => {
  // The renderer asks the contract’s zod-free rule (no zod in the bundle): it must agree with the schema.
  it('accepts exactly what the contract accepts', () => {
    const names = [
      '',
      'a',
      '_',
      'syncGameData',
      'sync.game-data_2',
      'A',
      'x'.repeat(64),
      'x'.repeat(65),
      '1abc',
      '-abc',
      '.abc',
      'a b',
      'a/b',
      'é',
      'aé',
      ' a',
      'a\n',
      'a:b',
      'Z9',
    ];
    for (const name of names) {
      expect({ name, ok: commandNameProblem(name) === null }).toEqual({
        name,
        ok: CommandName.safeParse(name).success,
      });
    }
  });

  it('says what is wrong', () => {
    expect(commandNameProblem('')).toBe('Enter a name for the command.');
    expect(commandNameProblem('a/b')).toBe('Only letters, digits, "_", "." or "-": “/” is not allowed.');
    expect(commandNameProblem('1abc')).toBe('Start with a letter or "_", not “1”.');
    expect(commandNameProblem('x'.repeat(70))).toBe('At most 64 characters; this name has 70.');
  });
});
