import { checksumOf } from '../migrate';
import { type AppliedMigration, pendingAfterDriftCheck } from '../migration-drift';
import type { Migration } from '../migrations';
import type { Sql } from './connect';

/**
 * The advisory lock every replica of this app takes to migrate. Any fixed
 * number works; this one spells "bwimig" in ASCII.
 */
export const MIGRATION_LOCK_KEY = 0x62_77_69_6d_69_67;

/**
 * Applies pending migrations in order, after checking that everything
 * already applied is exactly what this build ships.
 *
 * All of it is one transaction under a transaction-scoped advisory lock:
 * replicas starting together queue on the lock, and each one that gets it
 * reads the table afresh (read committed), so the first applies and the
 * rest find nothing to do. One transaction also means an upgrade lands
 * whole or not at all, so replicas of the old version keep a schema they
 * know when a migration fails.
 */
export async function migratePostgres(sql: Sql, known: readonly Migration[]): Promise<{ applied: number[] }> {
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can both fail one of them.
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer     PRIMARY KEY,
      name       text        NOT NULL,
      checksum   text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`;
    const applied = await tx<AppliedMigration[]>`
      SELECT version, name, checksum FROM schema_migrations ORDER BY version`;
    const pending = pendingAfterDriftCheck(applied, known);
    for (const migration of pending) {
      // Simple protocol: a migration is several statements.
      await tx.unsafe(migration.sql).simple();
      await tx`INSERT INTO schema_migrations (version, name, checksum)
        VALUES (${migration.version}, ${migration.name}, ${checksumOf(migration)})`;
    }
    return { applied: pending.map((m) => m.version) };
  });
}
