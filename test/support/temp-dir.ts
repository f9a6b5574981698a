import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder under the OS temp dir. */
export function makeTempDir(prefix = 'bwi-unit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

type Cleanup = () => unknown;

/**
 * Registers an afterEach hook that runs every cleanup added during the test,
 * last added first. Returns the function that adds one.
 */
export function useCleanup(): (fn: Cleanup) => void {
  const pending: Cleanup[] = [];
  afterEach(async () => {
    const errors: unknown[] = [];
    while (pending.length > 0) {
      const fn = pending.pop() as Cleanup;
      try {
        await fn();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  });
  return (fn) => {
    pending.push(fn);
  };
}

/** A temp dir that is removed after the current test. */
export function tempDirFor(addCleanup: (fn: Cleanup) => void, prefix?: string): string {
  const dir = makeTempDir(prefix);
  addCleanup(() => removeDir(dir));
  return dir;
}
