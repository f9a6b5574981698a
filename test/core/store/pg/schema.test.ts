import { describe, expect, it } from 'vitest';
import type { Sql } from '../../../../src-main/core/store/pg/connect';
import { migratePostgres } from '../../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../../src-main/core/store/pg/migrations';
import { pgText } from '../../../../src-main/core/store/pg/text-value';
import { type TestDatabase, usePostgres } from '../../../support/postgres';
import { insertDeliveries } from './delivery-rows';

describe('the PostgreSQL schema', () => {
  const pg = usePostgres();

  const migrated = async (db: TestDatabase): Promise<Sql> => {
    const sql = db.connect();
    await migratePostgres(sql, pgMigrations);
    return sql;
  };

  it('gives back a delivery as stored: id as a number, ids in their own type, headers in order, exact bytes and milliseconds', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    const receivedAt = new Date('2026-03-01T12:34:56.789Z');
    const body = Buffer.from([0x00, 0xff, 0x7b, 0x80, 0x0a]);
    const headers: Array<[string, string]> = [
      ['x-b', '2'],
      ['x-a', '1'],
      ['x-b', '3'],
    ];
    await insertDeliveries(sql, [
      { receivedAt, body, headers, updateId: 2 ** 40, userId: 2 ** 52, chatId: '-100123' },
      { userId: '42', chatId: -42 },
    ]);
    const rows =
      await sql`SELECT id, received_at, headers, body, update_id, user_id, chat_id FROM deliveries ORDER BY id`;
    expect(rows).toEqual([
      {
        id: 1,
        received_at: receivedAt,
        headers,
        body,
        update_id: 2 ** 40,
        user_id: 2 ** 52,
        chat_id: '-100123',
      },
      expect.objectContaining({ id: 2, update_id: null, user_id: '42', chat_id: -42 }),
    ]);
    // A number and a string of the same digits stay apart, and a filter names both to match either.
    const byUser = (id: unknown) => sql`SELECT id FROM deliveries WHERE user_id = ${sql.json(id as string)}`;
    expect(await byUser(42)).toEqual([]);
    expect(await byUser('42')).toEqual([{ id: 2 }]);
    expect(
      await sql`SELECT id FROM deliveries WHERE user_id IN (${sql.json(2 ** 52)}, ${sql.json(String(2 ** 52))})`,
    ).toEqual([{ id: 1 }]);
  });

  it('fails a query instead of rounding a bigint beyond 2^53', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    expect(await sql`SELECT ${2 ** 53 - 1}::bigint AS n`).toEqual([{ n: 2 ** 53 - 1 }]);
    await expect(sql`SELECT 9007199254740993::bigint AS n`).rejects.toThrow(/beyond what a JS number holds/);
    await expect(sql`SELECT ${2 ** 53}::bigint AS n`).rejects.toThrow(/takes a safe integer number/);
    // The pool survives the refused value.
    expect(await sql`SELECT count(*) AS n FROM deliveries`).toEqual([{ n: 0 }]);
  });

  it('refuses U+0000 in text and jsonb, which pgText replaces so that a batch is not lost to it', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    await expect(insertDeliveries(sql, [{ text: 'a\u0000b' }])).rejects.toThrow(/0x00/);
    await expect(insertDeliveries(sql, [{ userId: 'a\u0000b' }])).rejects.toThrow(
      /unsupported Unicode escape/,
    );
    await insertDeliveries(sql, [{ text: pgText('a\u0000b'), userId: pgText('a\u0000b') }]);
    expect(await sql`SELECT text, user_id FROM deliveries`).toEqual([
      { text: 'a\uFFFDb', user_id: 'a\uFFFDb' },
    ]);
  });

  it('removes a first copy with its claim and unlinks its duplicates', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    const [first, second] = await insertDeliveries(sql, [{ updateId: 7 }, { updateId: 7 }]);
    if (!first || !second) throw new Error('not inserted');
    await sql`INSERT INTO first_updates (inbox, update_id, delivery_id) VALUES ('default', 7, ${first.id})`;
    await sql`UPDATE deliveries SET problem = 'duplicate', duplicate_of = ${first.id} WHERE id = ${second.id}`;

    await sql`DELETE FROM deliveries WHERE id = ${first.id}`;
    expect(await sql`SELECT count(*)::int AS n FROM first_updates`).toEqual([{ n: 0 }]);
    expect(await sql`SELECT id, duplicate_of FROM deliveries`).toEqual([
      { id: second.id, duplicate_of: null },
    ]);
  });

  it('hands each due tap job to one replica when several take at once (SKIP LOCKED)', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const sql = await migrated(db);
    const [delivery] = await insertDeliveries(sql, [{}]);
    if (!delivery) throw new Error('not inserted');
    await sql`INSERT INTO tap_jobs (delivery_id, url)
      SELECT ${delivery.id}, 'http://127.0.0.1:9/' || g FROM generate_series(1, 40) g`;
    // A job for later and one a live replica holds are not due.
    await sql`INSERT INTO tap_jobs (delivery_id, url, next_attempt_at) VALUES (${delivery.id}, 'later', now() + interval '1 hour')`;
    await sql`INSERT INTO tap_jobs (delivery_id, url, locked_until) VALUES (${delivery.id}, 'held', now() + interval '1 minute')`;

    // The statement 0004-forwarding documents, run by four replicas at once, each taking up to 15.
    const take = (replica: Sql, name: string) =>
      replica.begin(
        (tx) => tx<{ url: string; attempts: number }[]>`
          UPDATE tap_jobs SET locked_until = now() + interval '30 seconds', locked_by = ${name}, attempts = attempts + 1
          WHERE id IN (SELECT id FROM tap_jobs
                       WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                       ORDER BY next_attempt_at LIMIT 15 FOR UPDATE SKIP LOCKED)
          RETURNING url, attempts`,
      );
    const taken = await Promise.all(['a', 'b', 'c', 'd'].map((name) => take(db.connect(), name)));
    const urls = taken.flat().map((j) => j.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `http://127.0.0.1:9/${i + 1}`).sort());
    expect(taken.flat().every((j) => j.attempts === 1)).toBe(true);
  });

  it('keeps the search index’s pending list small, so no insert stops long to merge it', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    const [index] = await sql<{ reloptions: string[] | null }[]>`
      SELECT reloptions FROM pg_class WHERE relname = 'deliveries_search'`;
    expect(index?.reloptions).toEqual(['gin_pending_list_limit=256']);
  });
});
