import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeDirName } from '../../scripts/electron-native.js';
import {
  describeStartFailure,
  electronNativeDirName,
  resolveNativeBinding,
} from '../../src-main/desktop/native-binding';
import { claimSingleInstance } from '../../src-main/desktop/single-instance';

const env = (mainDir: string, existing: string[]) => ({
  override: undefined,
  mainDir,
  electronVersion: '45.4.1',
  platform: 'linux',
  arch: 'x64',
  exists: (path: string) => existing.includes(path),
});

describe('Electron’s better-sqlite3', () => {
  it('is looked for where scripts/electron-native.js puts it (one spelling for both)', () => {
    expect(nativeDirName('45.4.1', 'win32', 'arm64')).toBe(electronNativeDirName('45.4.1', 'win32', 'arm64'));
    const built = join('/repo/out/native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node');
    expect(resolveNativeBinding(env('/repo/out/main', [built]))).toBe(built);
  });

  it('is read from app.asar.unpacked in a packaged app', () => {
    const unpacked = join(
      '/opt/app/resources/app.asar.unpacked/out/native/electron-45.4.1-linux-x64/better_sqlite3.node',
    );
    expect(resolveNativeBinding(env('/opt/app/resources/app.asar/out/main', [unpacked]))).toBe(unpacked);
  });

  it('is left to better-sqlite3’s default when there is none, and an explicit path wins', () => {
    expect(resolveNativeBinding(env('/repo/out/main', []))).toBeUndefined();
    expect(resolveNativeBinding({ ...env('/repo/out/main', []), override: '/x/b.node' })).toBe('/x/b.node');
  });

  it('built for the wrong ABI is reported in one line that says what to do', () => {
    const abi = new Error(
      "The module '/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 140.",
    );
    const line = describeStartFailure(abi);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/npm start/);
    expect(describeStartFailure(new Error('port in use'))).toBe('The inspector could not start: port in use');
  });
});

describe('single-instance lock', () => {
  it('the first launch keeps the lock and listens for the next; the second quits', () => {
    const events: string[] = [];
    const app = (lock: boolean) => ({
      requestSingleInstanceLock: () => lock,
      quit: () => events.push('quit'),
      on: (name: string) => events.push(`on ${name}`),
    });
    expect(claimSingleInstance(app(true), () => {})).toBe(true);
    expect(claimSingleInstance(app(false), () => {})).toBe(false);
    expect(events).toEqual(['on second-instance', 'quit']);
  });
});
