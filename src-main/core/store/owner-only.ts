import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

// Windows has no POSIX modes; the user's profile folders are private there already.
const POSIX = process.platform !== 'win32';

/**
 * A folder only its owner may enter (0700): created if missing, tightened if
 * an older version or the umask left it open to other local users. Deliveries
 * hold raw secret headers, so "readable by the group" is a leak.
 */
export function ownerOnlyDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  tighten(path, 0o700);
}

/** A file only its owner may read or write (0600), created empty if missing. */
export function ownerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  tighten(path, 0o600);
}

/** Tightens a file to 0600 if it is there; a missing one is fine (SQLite's -wal and -shm come and go). */
export function ownerOnlyIfPresent(path: string): void {
  try {
    tighten(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// chmod, not the mode given at creation: that one is cut by the umask, and misses what already exists.
function tighten(path: string, mode: number): void {
  if (POSIX && (statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
}
