import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Durability } from '@contract';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';
import { migrations } from './migrations';

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
  mkdirSync(options.dataDir, { recursive: true });
  const db = new BetterSqlite3(
    join(options.dataDir, DATABASE_FILE),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
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
