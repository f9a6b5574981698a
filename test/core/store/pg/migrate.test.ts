import { describe, expect, it } from 'vitest';
import { checksumOf, MigrationDriftError } from '../../../../src-main/core/store/migrate';
import type { Migration } from '../../../../src-main/core/store/migrations';
import type { Sql } from '../../../../src-main/core/store/pg/connect';
import { migratePostgres } from '../../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../../src-main/core/store/pg/migrations';
import { usePostgres } from '../../../support/postgres';

interface Recorded {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
}

const recorded = (sql: Sql) =>
  sql<Recorded[]>`SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version`;

const tables = async (sql: Sql) =>
  (
    await sql<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' ORDER BY table_name`
  ).map((t) => t.name);

describe('migratePostgres', () => {
  const pg = usePostgres();

  it('applies every migration to an empty database and records its version and checksum', async (ctx) => {
    const sql = (await pg.freshDatabase(ctx)).connect();
    expect(await migratePostgres(sql, pgMigrations)).toEqual({ applied: pgMigrations.map((m) => m.version) });

    const rows = await recorded(sql);
    expect(rows.map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual(
      pgMigrations.map((m) => ({ version: m.version, name: m.name, checksum: checksumOf(m) })),
    );
    expect(rows.every((r) => r.applied_at instanceof Date)).toBe(true);
    // Every shared table is there; the sandbox's are not (each replica keeps its own).
    expect(await tables(sql)).toEqual([
      'audit_log',
      'bot_profiles',
      'commands',
      'deliveries',
      'first_updates',
      'inbox_settings',
      'inboxes',
      'invocations',
      'people',
      'replay_attempts',
      'replay_targets',
      'schema_migrations',
      'sent_replies',
      'settings',
      'signing_keys',
      'tap_jobs',
    ]);
    expect(await sql`SELECT name FROM inboxes`).toEqual([{ name: 'default' }]);
    expect(await sql`SELECT name FROM commands`).toEqual([{ name: 'hello' }]);
  });

  it('applies nothing the second time, and leaves the records as they were', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const first = db.connect();
    await migratePostgres(first, pgMigrations);
    const before = await recorded(first);

    const again = db.connect();
    expect(await migratePostgres(again, pgMigrations)).toEqual({ applied: [] });
    expect(await recorded(again)).toEqual(before);
    expect(await again`SELECT count(*)::int AS n FROM inboxes`).toEqual([{ n: 1 }]);
  });

  it('applies pending migrations in version order, and a failure leaves nothing behind', async (ctx) => {
    const sql = (await pg.freshDatabase(ctx)).connect();
    const list: Migration[] = [
      { version: 2, name: 'second', sql: 'CREATE TABLE b (x integer REFERENCES a (x));' },
      { version: 1, name: 'first', sql: 'CREATE TABLE a (x integer PRIMARY KEY);' },
    ];
    expect(await migratePostgres(sql, list)).toEqual({ applied: [1, 2] });

    const failing: Migration[] = [
      ...list,
      { version: 3, name: 'fine', sql: 'CREATE TABLE c (x integer);' },
      { version: 4, name: 'broken', sql: 'CREATE TABLE d (x integer); THIS IS NOT SQL;' },
    ];
    await expect(migratePostgres(sql, failing)).rejects.toThrow(/syntax error/);
    // One transaction: neither the good migration 3 nor any part of 4 stayed.
    expect((await recorded(sql)).map((r) => r.version)).toEqual([1, 2]);
    expect(await tables(sql)).toEqual(['a', 'b', 'schema_migrations']);
  });

  it('refuses to start when a recorded checksum differs from the shipped migration', async (ctx) => {
    const sql = (await pg.freshDatabase(ctx)).connect();
    await migratePostgres(sql, pgMigrations);
    await sql`UPDATE schema_migrations SET checksum = ${'0'.repeat(64)} WHERE version = 1`;
    await expect(migratePostgres(sql, pgMigrations)).rejects.toThrow(MigrationDriftError);
  });

  it('refuses to start when a recorded name differs from the shipped migration', async (ctx) => {
    const sql = (await pg.freshDatabase(ctx)).connect();
    await migratePostgres(sql, pgMigrations);
    await sql`UPDATE schema_migrations SET name = 'renamed' WHERE version = 2`;
    await expect(migratePostgres(sql, pgMigrations)).rejects.toThrow(MigrationDriftError);
  });

  it('refuses a database written by a newer version, and leaves it as it was', async (ctx) => {
    const sql = (await pg.freshDatabase(ctx)).connect();
    await migratePostgres(sql, pgMigrations);
    await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (999, 'from-the-future', ${'f'.repeat(64)})`;
    const error = await migratePostgres(sql, pgMigrations).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationDriftError);
    expect((error as Error).message).toContain('999');
    expect((await recorded(sql)).map((r) => r.version)).toEqual([...pgMigrations.map((m) => m.version), 999]);
  });

  it('lets replicas starting at once share one empty database: both succeed, one schema', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const replicas = [db.connect(), db.connect(), db.connect()];
    const results = await Promise.all(replicas.map((sql) => migratePostgres(sql, pgMigrations)));

    // Exactly one replica applied everything; the others found it done.
    const all = pgMigrations.map((m) => m.version);
    expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([all, [], []]);
    expect((await recorded(db.connect())).map((r) => r.version)).toEqual(all);
    expect(await db.connect()`SELECT count(*)::int AS n FROM inboxes`).toEqual([{ n: 1 }]);
  });
});
