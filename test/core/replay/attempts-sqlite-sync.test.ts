import { describe, expect, it, vi } from 'vitest';
import { SqliteInserter } from '../../../src-main/core/deliveries/sqlite-insert';
import { SqliteAttemptStore } from '../../../src-main/core/replay/sqlite-store';
import { openDatabase } from '../../../src-main/core/store/open-database';
import { tempDirFor, useCleanup } from '../../support/temp-dir';
import { delivery } from '../deliveries/fixtures';

describe('replay attempts in SQLite', () => {
  const cleanup = useCleanup();

  it('commit without an fsync and leave the connection at its durability afterwards', async () => {
    const db = openDatabase({ dataDir: tempDirFor(cleanup), durability: 'full' });
    cleanup(() => db.close());
    const store = new SqliteAttemptStore(db);
    new SqliteInserter(db).insertBatch([delivery(1)]);
    const pragma = vi.spyOn(db, 'pragma');
    const attempt = {
      deliveryId: 1,
      jobId: 'job',
      target: 'http://127.0.0.1:1/webhook',
      status: 200,
      error: null,
      durationMs: 1,
      responseHeaders: [],
      responseBody: '',
      responseTruncated: false,
      sentBodySha256: '',
      sentAt: 1,
    };
    await store.insertAll([attempt, attempt]);
    expect(pragma.mock.calls.map((call) => call[0])).toEqual([
      'synchronous',
      'synchronous = NORMAL',
      'synchronous = 2',
    ]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL again
    expect(await store.list(1)).toHaveLength(2);
  });
});
