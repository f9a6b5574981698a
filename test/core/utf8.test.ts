import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src-main/core/utf8';

describe('decodeUtf8', () => {
  it('gives well-formed UTF-8 as text and anything else as null', () => {
    expect(decodeUtf8(Buffer.from('héllo, 世界 🙂'))).toBe('héllo, 世界 🙂');
    expect(decodeUtf8(Buffer.alloc(0))).toBe('');
    expect(decodeUtf8(Buffer.from([0xff, 0xfe, 0x00]))).toBeNull();
    // Cut through a multi-byte character: not text, not a replacement character.
    expect(decodeUtf8(Buffer.from('é').subarray(0, 1))).toBeNull();
  });

  it('is the one decoder in the sources', () => {
    const root = join(import.meta.dirname, '../..');
    const decoders = ['src-main', 'src-renderer'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(dir, file))
        .filter((file) => readFileSync(join(root, file), 'utf8').includes('new TextDecoder(')),
    );
    expect(decoders).toEqual(['src-main/core/utf8.ts']);
  });
});
