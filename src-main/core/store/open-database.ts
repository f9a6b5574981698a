import { join } from 'node:path';
import type { Durability } from '@contract';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { ownerOnlyDir, ownerOnlyFile, ownerOnlyIfPresent } from './owner-only';

export const DATABASE_FILE = 'inspector.sqlite';

export interface OpenDatabaseOptions {
  dataDir: string;
  /**
   * `full` fsyncs the WAL at every commit: an acknowledged delivery survives
   * a power cut. `normal` survives a crash of the process (kill -9) but not
   * of the machine, and is faster. Group commit makes `full` affordable.
   */
  durability: Durability;
  /** Path to a better-sqlite3 binary built for another ABI (Electron). */
  nativeBinding?: string | undefined;
}

export function openDatabase(options: OpenDatabaseOptions): Database {
  ownerOnlyDir(options.dataDir);
  const file = join(options.dataDir, DATABASE_FILE);
  // SQLite creates -wal and -shm with the database file's mode, so a 0600
  // database keeps its journal private too; leftovers of older versions are tightened.
  ownerOnlyFile(file);
  ownerOnlyIfPresent(`${file}-wal`);
  ownerOnlyIfPresent(`${file}-shm`);
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
