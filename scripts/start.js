#!/usr/bin/env node
// `npm start`: the desktop app where Electron's runtime can be had; else, in
// one line, why not, and the same UI served to the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.js';
import { ensureBuilt } from './ensure-built.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules/electron');
const args = process.argv.slice(2);

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function tryDownloadElectron() {
  // Electron >= 43 fetches its runtime on first use; offline this fails fast.
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return result.status === 0;
}

ensureBuilt();
const binary = electronBinary() ?? (tryDownloadElectron() ? electronBinary() : null);
// better-sqlite3 for Electron's ABI: a prebuilt binary, else a build; never the Node copy in node_modules.
const native = binary ? await ensureElectronNative() : null;
const binding = native?.path ?? null;

if (binary && binding) {
  const child = spawn(binary, [root, ...args], {
    stdio: 'inherit',
    env: { ...process.env, BWI_NATIVE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    binary
      ? `${native?.error ?? 'better-sqlite3 could not be had for Electron.'} Serving the same UI in your browser instead:`
      : "Electron's runtime is not installed and cannot be downloaded here; serving the same UI in your browser instead:",
  );
  const child = spawn(process.execPath, [join(root, 'out/main/cli.js'), 'serve', ...args], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
