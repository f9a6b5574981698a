#!/usr/bin/env node
// Builds the app when the build is missing or older than any source file, so
// `npm start`, `npm run serve` and the CLI never run stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['out/main/cli.js', 'out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
const sources = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export function isBuildCurrent() {
  if (!outputs.every((file) => existsSync(join(root, file)))) return false;
  const built = Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs));
  return sources.every((src) => !existsSync(join(root, src)) || newest(join(root, src)) <= built);
}

export function ensureBuilt() {
  if (isBuildCurrent()) return;
  console.error('Building the inspector…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    console.error('The build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
