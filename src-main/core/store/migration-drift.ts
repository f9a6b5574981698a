import { checksumOf, MigrationDriftError } from './migrate';
import type { Migration } from './migrations';

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Throws unless every migration the database recorded is one this build
 * ships, unchanged; returns the shipped ones still to apply, in order.
 * Both stores decide drift here, so they refuse the same databases.
 */
export function pendingAfterDriftCheck(
  applied: readonly AppliedMigration[],
  known: readonly Migration[],
): Migration[] {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  for (const row of applied) {
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
  const done = new Set(applied.map((r) => r.version));
  return [...known].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
}
