import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src-main/contract/describe-error';
import { ContractError } from '../../src-main/contract/errors';
import { describeError as coreDescribeError } from '../../src-main/core/describe-error';

describe('describeError', () => {
  it('words any thrown value as one line, with the stack only when asked', () => {
    const error = new Error('boom');
    expect(describeError(error)).toBe('boom');
    expect(describeError(error, true)).toBe(error.stack);
    expect(describeError(new ContractError('bad-input', 'no such inbox'))).toBe('no such inbox');
    expect(describeError('a string')).toBe('a string');
    expect(describeError(42, true)).toBe('42');
    expect(describeError(null)).toBe('null');
  });

  it('is one function: core re-exports the contract’s', () => {
    expect(coreDescribeError).toBe(describeError);
  });

  it('is not written out again anywhere in the sources', () => {
    const root = join(import.meta.dirname, '../..');
    const copies = ['src-main', 'src-renderer'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(dir, file))
        .filter((file) =>
          /instanceof Error \? \w+\.message : String\(/.test(readFileSync(join(root, file), 'utf8')),
        ),
    );
    expect(copies).toEqual([]);
  });
});
