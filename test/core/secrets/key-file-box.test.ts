import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileBoxAt } from '../../../src-main/core/secrets/key-file-box';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

describe('keyFileBoxAt', () => {
  const cleanup = useCleanup();

  it('makes a 0600 key at the given path that every box opened on it shares', () => {
    const dir = tempDirFor(cleanup);
    const path = join(dir, 'team.key');
    const a = keyFileBoxAt(path);
    const b = keyFileBoxAt(path);
    expect(b.decrypt(a.encrypt('bot token'))).toBe('bot token');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    // Nothing is left beside it from writing it.
    expect(readdirSync(dir)).toEqual(['team.key']);
  });

  it('refuses a key file of the wrong size instead of sealing with it', () => {
    const dir = tempDirFor(cleanup);
    const path = join(dir, 'team.key');
    writeFileSync(path, 'short', { mode: 0o600 });
    expect(() => keyFileBoxAt(path)).toThrow(/is not a 32-byte key/);
  });
});
