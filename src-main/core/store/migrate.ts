import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

export class MigrationDriftError extends Error {
  constructor(message: string) {
    super(`${message} Refusing to start so that no data is damaged.`);
    this.name = 'MigrationDriftError';
  }
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export const checksumOf = (migration: Migration): string =>
  createHash('sha256').update(migration.sql).digest('hex');

/**
 * Applies pending migrations in order, each in its own transaction, after
 * checking that everything already applied is exactly what this build ships.
 */
export function migrate(db: Database, known: readonly Migration[]): { applied: number[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    checksum   TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);

  const rows = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as AppliedRow[];
  const byVersion = new Map(known.map((m) => [m.version, m]));

  for (const row of rows) {
    const migration = byVersion.get(row.version);
    if (!migration) {
      throw new MigrationDriftError(
        `The database has migration ${row.version} (${row.name}), which this version of the app does not know: it was written by a newer version.`,
      );
    }
    if (migration.name !== row.name || checksumOf(migration) !== row.checksum) {
      throw new MigrationDriftError(
        `Migration ${row.version} (${row.name}) in the database differs from the one this app ships (${migration.name}).`,
      );
    }
  }

  const done = new Set(rows.map((r) => r.version));
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const pending = [...known].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
  if (pending.length === 0) return { applied: [] };
  // A migration may move secrets out of plaintext (0009): what it deletes or
  // drops is zeroed, not left readable in the file's free pages.
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, checksumOf(migration), Date.now());
      })();
    }
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
  return { applied: pending.map((m) => m.version) };
}
