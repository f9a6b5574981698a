import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from './open-database';

const sizeOf = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** The database's size on disk, for the settings view. */
export function storageInfo(dataDir: string, deliveries: number) {
  return {
    databaseBytes: sizeOf(join(dataDir, DATABASE_FILE)),
    walBytes: sizeOf(join(dataDir, `${DATABASE_FILE}-wal`)),
    deliveries,
  };
}
