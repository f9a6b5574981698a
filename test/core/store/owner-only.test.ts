import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TransferProgress } from '@contract';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE, keyFileBox } from '../../../src-main/core/secrets/key-file-box';
import { DATABASE_FILE, openDatabase } from '../../../src-main/core/store/open-database';
import { startTestCore } from '../../support/core';
import { tempDirFor, useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('files only their owner may read', () => {
  const cleanup = useCleanup();
  let umask = 0;
  // The usual umask: what it lets through (0755 folders, 0644 files) is what other local users can read.
  beforeEach(() => {
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('creates the data dir 0700 and the database, its -wal and -shm 0600', () => {
    const dataDir = join(tempDirFor(cleanup), 'data');
    const db = openDatabase({ dataDir, durability: 'full' });
    cleanup(() => db.close());
    db.prepare("INSERT INTO inboxes (name, created_at) VALUES ('shop', 1)").run();
    const file = join(dataDir, DATABASE_FILE);
    expect(modeOf(dataDir)).toBe(0o700);
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
  });

  it('tightens a data dir and database files an older version left readable', () => {
    const dataDir = tempDirFor(cleanup);
    chmodSync(dataDir, 0o755);
    const file = join(dataDir, DATABASE_FILE);
    // As an older version left them: a connection still holds its -wal and -shm, all 0644.
    const old = new BetterSqlite3(file);
    cleanup(() => old.close());
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x INTEGER); INSERT INTO kept VALUES (1);');
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o644, 0o644, 0o644]);

    const db = openDatabase({ dataDir, durability: 'full' });
    cleanup(() => db.close());
    expect(modeOf(dataDir)).toBe(0o700);
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    expect(db.prepare('SELECT x FROM kept').all()).toEqual([{ x: 1 }]);
  });

  it('keeps the secret key 0600, tightening one left readable', () => {
    const dataDir = tempDirFor(cleanup);
    keyFileBox(dataDir);
    expect(modeOf(join(dataDir, KEY_FILE))).toBe(0o600);
    chmodSync(join(dataDir, KEY_FILE), 0o644);
    keyFileBox(dataDir);
    expect(modeOf(join(dataDir, KEY_FILE))).toBe(0o600);
  });

  it('keeps exports and uploads in 0700 folders, tightening ones left open, and writes exports 0600', async () => {
    const dataDir = tempDirFor(cleanup);
    mkdirSync(join(dataDir, 'imports'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'imports', 'old.ndjson'), '', { mode: 0o600 });
    const t = await startTestCore({ dataDir });
    cleanup(() => t.stop());
    expect(modeOf(t.core.transferDir('imports'))).toBe(0o700);
    expect(modeOf(t.core.transferDir('exports'))).toBe(0o700);

    const progress: TransferProgress[] = [];
    cleanup(
      t.core.subscribe((name, payload) => {
        if (name === 'transfer.progress') progress.push(payload as TransferProgress);
      }),
    );
    const started = await t.core.service['export.start']({ format: 'ndjson', deliveryIds: [] });
    const done = await waitFor(
      () => progress.find((p) => p.jobId === started.jobId && p.state !== 'running'),
      {
        what: 'the export to end',
      },
    );
    expect(done.state).toBe('finished');
    expect(modeOf(join(t.core.transferDir('exports'), String(started.file)))).toBe(0o600);
  });
});
