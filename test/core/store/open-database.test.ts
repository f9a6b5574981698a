import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../src-main/core/store/open-database';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

describe('openDatabase', () => {
  const cleanup = useCleanup();

  it('leaves WAL mode on and synchronous FULL for durability "full"', () => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'full' });
    cleanup(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('uses synchronous NORMAL for durability "normal"', () => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'normal' });
    cleanup(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
  });

  it('creates a missing data dir', () => {
    const dataDir = join(tempDirFor(cleanup), 'nested', 'deeper');
    const db = openDatabase({ dataDir, durability: 'full' });
    cleanup(() => db.close());
    expect(db.name).toBe(join(dataDir, DATABASE_FILE));
  });
});
