import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checksumOf, MigrationDriftError, migrate } from '../../../src-main/core/store/migrate';
import { type Migration, migrations } from '../../../src-main/core/store/migrations';
import { DATABASE_FILE, openDatabase } from '../../../src-main/core/store/open-database';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

interface Recorded {
  version: number;
  name: string;
  checksum: string;
  applied_at: number;
}

const recorded = (db: BetterSqlite3.Database): Recorded[] =>
  db
    .prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')
    .all() as Recorded[];

describe('migrate', () => {
  const cleanup = useCleanup();

  const open = (durability: 'full' | 'normal' = 'full') => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability });
    cleanup(() => {
      if (db.open) db.close();
    });
    return { db, dataDir };
  };

  it('applies every migration to an empty database and records its version and checksum', () => {
    const { db } = open();
    const rows = recorded(db);
    expect(rows.map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual(
      migrations.map((m) => ({ version: m.version, name: m.name, checksum: checksumOf(m) })),
    );
    expect(rows.every((r) => r.checksum.length === 64 && r.applied_at > 0)).toBe(true);
    // The schema is there: the tables exist and the default inbox was seeded.
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['deliveries', 'inboxes', 'schema_migrations']));
    expect(db.prepare('SELECT name FROM inboxes').all()).toEqual([{ name: 'default' }]);
  });

  it('applies nothing when the database is opened again', () => {
    const { db, dataDir } = open();
    const before = recorded(db);
    expect(migrate(db, migrations)).toEqual({ applied: [] });
    db.close();

    const again = openDatabase({ dataDir, durability: 'full' });
    cleanup(() => again.close());
    expect(recorded(again)).toEqual(before);
    expect(again.prepare('SELECT count(*) AS n FROM inboxes').get()).toEqual({ n: 1 });
  });

  it('applies pending migrations in version order, each in its own transaction', () => {
    const db = new BetterSqlite3(':memory:');
    cleanup(() => db.close());
    const list: Migration[] = [
      { version: 2, name: 'second', sql: 'CREATE TABLE b (x INTEGER);' },
      { version: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER);' },
    ];
    expect(migrate(db, list)).toEqual({ applied: [1, 2] });

    const failing: Migration[] = [
      ...list,
      { version: 3, name: 'broken', sql: 'CREATE TABLE c (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, failing)).toThrow();
    // The failed migration left neither its table nor a record behind.
    expect(recorded(db).map((r) => r.version)).toEqual([1, 2]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").all()).toEqual([]);
  });

  it('refuses to start when a recorded checksum differs from the shipped migration', () => {
    const { db, dataDir } = open();
    db.close();
    const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE));
    raw.prepare('UPDATE schema_migrations SET checksum = ? WHERE version = 1').run('0'.repeat(64));
    raw.close();

    expect(() => openDatabase({ dataDir, durability: 'full' })).toThrow(MigrationDriftError);
  });

  it('refuses to start when a recorded name differs from the shipped migration', () => {
    const db = new BetterSqlite3(':memory:');
    cleanup(() => db.close());
    migrate(db, migrations);
    db.prepare("UPDATE schema_migrations SET name = 'renamed' WHERE version = 1").run();
    expect(() => migrate(db, migrations)).toThrow(MigrationDriftError);
  });

  it('refuses to start on a database written by a newer version (an unknown migration)', () => {
    const { db, dataDir } = open();
    db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
      999,
      'from-the-future',
      'f'.repeat(64),
      Date.now(),
    );
    db.close();

    let error: unknown;
    try {
      openDatabase({ dataDir, durability: 'full' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationDriftError);
    expect((error as Error).message).toContain('999');
    // The refused database is left as it was: nothing was applied or dropped.
    const raw = new BetterSqlite3(join(dataDir, DATABASE_FILE), { readonly: true });
    cleanup(() => raw.close());
    expect(recorded(raw).map((r) => r.version)).toEqual([...migrations.map((m) => m.version), 999]);
  });
});
