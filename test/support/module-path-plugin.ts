import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

const SUFFIX = '?modulePath';

/**
 * Under vitest, what electron-vite does for the app: `import path from
 * './x?modulePath'` bundles `x` into a file of its own and gives its path, so
 * `new Worker(path)` runs the same bundled code the app runs (a worker thread
 * cannot load TypeScript). Bundles go under node_modules/.cache, where their
 * bare imports (quickjs-emscripten) resolve; a bundle is named by its content,
 * so parallel test processes share it.
 */
export function modulePathPlugin(options: { root: string; alias: Record<string, string> }): Plugin {
  const cacheDir = join(options.root, 'node_modules/.cache/bwi-module-path');
  return {
    name: 'bwi:module-path-for-tests',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const target = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return target ? `${target.id}${SUFFIX}` : null;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const entry = id.slice(0, -SUFFIX.length);
      const output = await bundle(entry, options.alias);
      for (const file of output.watchFiles) this.addWatchFile(file);
      const path = writeOnce(cacheDir, output.files, output.entryFileName);
      return `export default ${JSON.stringify(path)};`;
    },
  };
}

interface Bundle {
  files: Array<{ fileName: string; code: string }>;
  entryFileName: string;
  watchFiles: string[];
}

async function bundle(entry: string, alias: Record<string, string>): Promise<Bundle> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias },
    build: {
      // An SSR build targets Node and leaves node_modules imports external.
      ssr: entry,
      write: false,
      minify: false,
      rollupOptions: {
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const main = chunks.find((c) => c.isEntry);
  if (!main) throw new Error(`Bundling ${entry} produced no entry chunk.`);
  return {
    files: chunks.map((c) => ({ fileName: c.fileName, code: c.code })),
    entryFileName: main.fileName,
    watchFiles: chunks.flatMap((c) => c.moduleIds).filter((m) => !m.startsWith('\0')),
  };
}

/** Bundles of older sources are removed once this old: a test run still using one has long finished. */
const STALE_MS = 60 * 60 * 1000;

/** Writes the files into a folder named by their content, once; returns the entry's path. */
function writeOnce(cacheDir: string, files: Bundle['files'], entryFileName: string): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.fileName).update('\0').update(file.code).update('\0');
  const name = basename(entryFileName, '.mjs');
  const dir = join(cacheDir, `${name}-${hash.digest('hex').slice(0, 16)}`);
  removeStale(cacheDir, name, dir);
  if (!existsSync(dir)) {
    const temp = `${dir}.${process.pid}.${Date.now()}`;
    for (const file of files) {
      const path = join(temp, file.fileName);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.code);
    }
    try {
      renameSync(temp, dir);
    } catch {
      // Another test process wrote the same content first.
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return resolve(dir, entryFileName);
}

function removeStale(cacheDir: string, name: string, keep: string): void {
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry);
    if (path === keep || !entry.startsWith(`${name}-`)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another test process removed it first.
    }
  }
}
