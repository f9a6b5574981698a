import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(?:c|m)?[jt]sx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports: static, side-effect, re-export, dynamic import and require. */
function importSpecifiers(text: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] as string));
}

const isElectron = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');

const CORE = join(ROOT, 'src-main/core');
const CORE_SURFACE = [CORE, join(CORE, 'index'), join(CORE, 'index.ts')];

/** A relative import of a module inside src-main/core other than its public surface, core/index.ts. */
function reachesIntoCore(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = resolve(dirname(file), specifier);
  return target.startsWith(CORE + sep) && !CORE_SURFACE.includes(target);
}

describe('import boundaries', () => {
  it('finds imports of every form (the scanner itself)', () => {
    const sample = [
      "import { app } from 'electron';",
      'import type { IpcMainInvokeEvent } from "electron";',
      "import 'electron';",
      "export { shell } from 'electron/main';",
      "const e = require('electron');",
      "const m = await import('electron');",
      "import {\n  a,\n  b,\n} from '../desktop/window';",
    ].join('\n');
    expect(importSpecifiers(sample)).toEqual(
      expect.arrayContaining([
        'electron',
        'electron',
        'electron',
        'electron/main',
        'electron',
        '../desktop/window',
      ]),
    );
    expect(importSpecifiers(sample).filter(isElectron)).toHaveLength(6);
    expect(importSpecifiers("const s = 'electron is a word';")).toEqual([]);
  });

  it('sees the electron imports that src-main/desktop does have (the scan reaches real files)', () => {
    const found = sourceFiles(join(ROOT, 'src-main/desktop')).some((file) =>
      importSpecifiers(readFileSync(file, 'utf8')).some(isElectron),
    );
    expect(found).toBe(true);
  });

  it.each(['src-main/core', 'src-main/contract', 'src-renderer'])(
    'nothing under %s imports electron',
    (dir) => {
      const files = sourceFiles(join(ROOT, dir));
      expect(files.length).toBeGreaterThan(0);
      const offenders = files.flatMap((file) =>
        importSpecifiers(readFileSync(file, 'utf8'))
          .filter(isElectron)
          .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
      );
      expect(offenders).toEqual([]);
    },
  );

  it('src-main/core imports nothing from src-main/desktop or src-main/web', () => {
    const files = sourceFiles(join(ROOT, 'src-main/core'));
    expect(files.length).toBeGreaterThan(0);
    const forbidden = ['desktop', 'web'].map((d) => join(ROOT, 'src-main', d));
    const offenders: string[] = [];
    for (const file of files) {
      for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (forbidden.some((dir) => target === dir || target.startsWith(dir + sep))) {
          offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('src-main/contract imports nothing from core, desktop or web', () => {
    const files = sourceFiles(join(ROOT, 'src-main/contract'));
    const forbidden = ['core', 'desktop', 'web'].map((d) => join(ROOT, 'src-main', d));
    const offenders = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => {
          const target = resolve(dirname(file), spec);
          return forbidden.some((dir) => target === dir || target.startsWith(dir + sep));
        })
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('tells core’s public surface from its internals (the check itself)', () => {
    const web = join(ROOT, 'src-main/web/cli.ts');
    expect(reachesIntoCore(web, '../core')).toBe(false);
    expect(reachesIntoCore(web, '../core/index')).toBe(false);
    expect(reachesIntoCore(web, '../core/index.ts')).toBe(false);
    expect(reachesIntoCore(web, '../core/links/methods')).toBe(true);
    expect(reachesIntoCore(web, '../core/store/pg/connect')).toBe(true);
    expect(reachesIntoCore(web, './serve')).toBe(false);
    expect(reachesIntoCore(web, '@contract')).toBe(false);
    expect(reachesIntoCore(join(ROOT, 'src-main/desktop/main.ts'), '../core/start-core')).toBe(true);
  });

  it.each(['src-main/desktop', 'src-main/web'])('%s imports core only through core/index.ts', (dir) => {
    const files = sourceFiles(join(ROOT, dir));
    // The scan reaches real files: each shell does start core through its surface.
    expect(
      files.some((file) => importSpecifiers(readFileSync(file, 'utf8')).some((spec) => spec === '../core')),
    ).toBe(true);
    const offenders = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((spec) => reachesIntoCore(file, spec))
        .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
