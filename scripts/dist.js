#!/usr/bin/env node
// `npm run dist [-- --linux|--mac|--win] [--x64|--arm64]`: installers with
// electron-builder (electron-builder.yml), into dist/. First, in one line
// each, what cannot be had here: Electron's runtime (electron-builder
// downloads it) and better-sqlite3 for Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, ensureElectronNative } from './electron-native.js';
import { ensureBuilt } from './ensure-built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const PLATFORM_FLAGS = { '--linux': 'linux', '--mac': 'darwin', '--win': 'win32' };
const ARCH_FLAGS = { '--x64': 'x64', '--arm64': 'arm64', '--ia32': 'ia32' };
const platform =
  Object.entries(PLATFORM_FLAGS).find(([flag]) => args.includes(flag))?.[1] ?? process.platform;
const arch = Object.entries(ARCH_FLAGS).find(([flag]) => args.includes(flag))?.[1] ?? process.arch;

function fail(line) {
  console.error(`npm run dist: ${line}`);
  process.exit(1);
}

/** Where @electron/get (electron-builder's downloader) keeps Electron zips. */
function electronCacheDir() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache;
  if (process.platform === 'darwin') return join(homedir(), 'Library/Caches/electron');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? homedir(), 'electron/Cache');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

function cachedZip(name) {
  const dir = electronCacheDir();
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some(
    (entry) => entry.name === name || (entry.isDirectory() && existsSync(join(dir, entry.name, name))),
  );
}

/** Null when electron-builder will get Electron's runtime (cached, or its download answers); else why not. */
async function electronRuntimeProblem(version) {
  const zip = `electron-v${version}-${platform}-${arch}.zip`;
  if (cachedZip(zip)) return null;
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const url = `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${version}/${zip}`;
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    return response.status < 400 ? null : `${url} answered ${response.status}`;
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause?.code ?? error.cause?.message ?? error.message) : String(error);
    return `${new URL(url).host} is unreachable (${cause})`;
  }
}

const version = electronVersion();
const runtime = await electronRuntimeProblem(version);
if (runtime !== null) {
  fail(
    `Electron ${version}'s runtime for ${platform}-${arch} cannot be downloaded here (${runtime}); build installers where it can be, e.g. the release workflow (.github/workflows/release.yml).`,
  );
}
const native = await ensureElectronNative({ version, platform, arch, log: () => {} });
if (native.error) fail(native.error);
ensureBuilt();
const builder = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/electron-builder/cli.js'),
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    ...args,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(builder.status ?? 1);
