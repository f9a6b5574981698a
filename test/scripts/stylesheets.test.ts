import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shape of the renderer's styles (issue 14): tokens in one sheet, a sheet beside each feature,
// spacing and type sizes read from tokens, one popover class.
// Read from disk, and run with the unit tests: the renderer project sees every .css import as empty.
const RENDERER = join(process.cwd(), 'src-renderer');
function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}
const read = (ending: string) =>
  files(RENDERER, ending).map((path) => ({
    name: relative(RENDERER, path),
    text: readFileSync(path, 'utf8'),
  }));
const sheets = read('.css');
const modules = read('.tsx');
const folder = (name: string) => name.split('/').slice(0, -1).join('/');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

describe('renderer stylesheets', () => {
  it('has tokens, and no one global sheet', () => {
    const names = sheets.map((sheet) => sheet.name);
    expect(names).toContain('app/tokens.css');
    expect(names).not.toContain('app/styles.css');
    for (const sheet of sheets) expect(sheet.text.split('\n').length, sheet.name).toBeLessThan(450);
  });

  it('takes margins, paddings, gaps and font sizes from tokens, not raw px', () => {
    const spacing = /^\s*(margin|padding|gap|row-gap|column-gap|font-size)(-[a-z]+)?\s*:[^;]*\d+px/m;
    const offenders = sheets
      .filter((sheet) => sheet.name !== 'app/tokens.css')
      .flatMap((sheet) =>
        withoutComments(sheet.text)
          .split('\n')
          .filter((line) => spacing.test(line))
          .map((line) => `${sheet.name}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  // A var() with a fallback may be set from script (the list's column widths); one without must be defined.
  it('uses only custom properties some sheet defines', () => {
    const defined = new Set(
      sheets.flatMap((sheet) => [...sheet.text.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1])),
    );
    const used = sheets.flatMap((sheet) =>
      [...sheet.text.matchAll(/var\((--[\w-]+)\)/g)].map((m) => ({ sheet: sheet.name, name: m[1] })),
    );
    expect(used.filter((use) => !defined.has(use.name))).toEqual([]);
  });

  it('has every sheet imported: app sheets by main.tsx, the others by a module beside them', () => {
    const main = modules.find((module) => module.name === 'main.tsx')?.text ?? '';
    for (const sheet of sheets) {
      const file = sheet.name.split('/').pop() ?? '';
      if (sheet.name.startsWith('app/')) {
        expect(main, sheet.name).toContain(`import './app/${file}';`);
        continue;
      }
      const importer = modules.find(
        (module) => folder(module.name) === folder(sheet.name) && module.text.includes(`import './${file}';`),
      );
      expect(importer, `${sheet.name} is imported beside it`).toBeDefined();
    }
  });

  it('has one popover class: no other box floats above its neighbours', () => {
    const floating = sheets.flatMap((sheet) =>
      [...withoutComments(sheet.text).matchAll(/([^{}]+)\{([^{}]*)\}/g)]
        .filter((rule) => /position:\s*absolute/.test(rule[2] ?? '') && /z-index/.test(rule[2] ?? ''))
        .map((rule) => (rule[1] ?? '').trim()),
    );
    expect(floating).toEqual(['.popover']);
    // Each popover's own class says only its width; the box itself is `.popover`.
    const popovers = modules
      .flatMap((module) =>
        [...module.text.matchAll(/className="([^"]*)"/g)].map((m) => (m[1] ?? '').split(' ')),
      )
      .filter((classes) => classes.some((name) => name === 'copy-manual' || name.endsWith('-popover')));
    expect(popovers.length).toBeGreaterThanOrEqual(2);
    for (const classes of popovers) expect(classes).toContain('popover');
  });
});
