import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteSearchIndexer } from '../../../src-main/core/deliveries/sqlite-search-index';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import { migrate } from '../../../src-main/core/store/migrate';
import { migrations } from '../../../src-main/core/store/migrations';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

// Migration 0016 gives every stored row its time-ordered key and rebuilds
// the search index under those keys: a database from before lists in
// received-time order once opened, and its words are found again.

const row = (receivedAt: number, text: string) => ({ receivedAt, text });

describe('migration 0016 (time order) on a database from before', () => {
  const cleanup = useCleanup();

  it('orders old rows by received time, ties by id, and rebuilds the search index under the new keys', async () => {
    const db = new BetterSqlite3(join(tempDirFor(cleanup), 'old.db'));
    cleanup(() => db.close());
    migrate(
      db,
      migrations.filter((m) => m.version <= 15),
    );
    const insert = db.prepare(`INSERT INTO deliveries (received_at, inbox, method, path, query, headers, body,
        body_size, body_omitted, response_status, response_body, platform, kind, text)
      VALUES (?, 'default', 'POST', '/webhook', '', '[]', X'7B7D', 2, 0, 200, '', 'telegram', 'message', ?)`);
    // Arrival order is not time order: an import of older rows came last, two in one millisecond,
    // and one before 1970 (sorted first of all: keys clamp at 0).
    const rows = [
      row(2_000_000, 'walrus live one'),
      row(3_000_000, 'walrus live two'),
      row(1_000_000, 'walrus imported a'),
      row(1_000_000, 'walrus imported b'),
      row(-5, 'walrus ancient'),
    ];
    const ids = rows.map((r) => Number(insert.run(r.receivedAt, r.text).lastInsertRowid));
    // The old index held rowid = id, fully caught up.
    const fts = db.prepare('INSERT INTO deliveries_fts (rowid, text, body, facets) VALUES (?, ?, ?, ?)');
    for (const [i, r] of rows.entries()) fts.run(ids[i], r.text, '', '');
    db.prepare('UPDATE search_progress SET indexed_up_to = ?').run(ids.at(-1));

    migrate(db, migrations);
    const [one, two, a, b, ancient] = ids as [number, number, number, number, number];
    const keys = db
      .prepare('SELECT id, CAST(sort_key AS TEXT) AS key FROM deliveries ORDER BY id')
      .all() as Array<{
      id: number;
      key: string;
    }>;
    expect(keys.map((k) => BigInt(k.key))).toEqual([
      2_000_000n * 1_048_576n,
      3_000_000n * 1_048_576n,
      1_000_000n * 1_048_576n,
      1_000_000n * 1_048_576n + 1n,
      0n,
    ]);
    // The index starts again from nothing, under the new keys.
    expect(db.prepare('SELECT indexed_up_to AS n FROM search_progress').get()).toEqual({ n: 0 });
    const store = new SqliteDeliveryStore(db);
    expect((await store.search({ limit: 10 })).items.map((i) => i.id)).toEqual([two, one, b, a, ancient]);
    const beforeIndex = await store.search({ query: 'walrus', limit: 10 });
    expect(beforeIndex.items).toEqual([]);
    expect(beforeIndex.unsearched).toBe(5);
    new SqliteSearchIndexer(db).indexAll();
    expect((await store.search({ query: 'walrus', limit: 10 })).items.map((i) => i.id)).toEqual([
      two,
      one,
      b,
      a,
      ancient,
    ]);
    expect((await store.search({ query: 'imported', limit: 1 })).items.map((i) => i.id)).toEqual([b]);
  });
});
