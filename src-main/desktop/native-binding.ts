import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describeError } from '@contract/describe-error';

/**
 * The folder, under out/, holding better-sqlite3 built for one Electron
 * (version, OS, CPU). scripts/electron-native.js writes it under the same
 * name; a test holds the two to one spelling.
 */
export const electronNativeDirName = (electronVersion: string, platform: string, arch: string): string =>
  `electron-${electronVersion}-${platform}-${arch}`;

export interface BindingEnv {
  /** An explicit path wins (set by `npm start`). */
  override: string | undefined;
  /** out/main: the built main process's folder, inside app.asar once packaged. */
  mainDir: string;
  electronVersion: string;
  platform: string;
  arch: string;
  exists?: (path: string) => boolean;
}

/**
 * Electron's copy of better-sqlite3, kept apart from node_modules' Node
 * build that tests and web mode load. Undefined when there is none: then
 * better-sqlite3 loads its default binary, and a wrong ABI is reported by
 * the start-up error. A packed app reads it from app.asar.unpacked, where
 * electron-builder's asarUnpack put it (a .node file cannot be loaded from
 * inside an archive).
 */
export function resolveNativeBinding(env: BindingEnv): string | undefined {
  if (env.override) return env.override;
  const exists = env.exists ?? existsSync;
  const packed = join(
    env.mainDir,
    '..',
    'native',
    electronNativeDirName(env.electronVersion, env.platform, env.arch),
    'better_sqlite3.node',
  );
  const path = packed.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
  return exists(path) ? path : undefined;
}

/** One line for a start-up failure that is about the native module, else the error's own message. */
export function describeStartFailure(error: unknown): string {
  const message = describeError(error);
  if (
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(message)
  ) {
    return 'better-sqlite3 is not built for this Electron: run `npm start` (it builds it), or `npm run serve` for the same UI in a browser.';
  }
  return `The inspector could not start: ${message}`;
}
