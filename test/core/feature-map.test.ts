import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as contract from '@contract';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTRACT = join(ROOT, 'src-main/contract');
const CORE = join(ROOT, 'src-main/core');

/** The contract's features: each `contract/<feature>.ts` that exports `<feature>MethodTable`. */
const features = readdirSync(CONTRACT)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -'.ts'.length))
  .filter((feature) =>
    readFileSync(join(CONTRACT, `${feature}.ts`), 'utf8').includes(`export const ${feature}MethodTable`),
  );

const tableOf = (feature: string): Record<string, unknown> =>
  (contract as unknown as Record<string, Record<string, unknown>>)[`${feature}MethodTable`] ?? {};

// One feature, one name on every layer: contract/<feature>.ts holds that
// feature's method table and core/<feature>/methods.ts implements it.
describe('the feature map', () => {
  it('finds the contract’s features (the scan itself)', () => {
    expect(features).toEqual(expect.arrayContaining(['app', 'delete', 'replay', 'settings', 'transfer']));
    expect(features).not.toContain('methods');
    // Together the features' tables are the whole method table, so none is missed.
    const keys = features.flatMap((feature) => Object.keys(tableOf(feature)));
    expect(keys.sort()).toEqual(Object.keys(contract.methods).sort());
  });

  it.each(features.map((feature) => [`contract/${feature}.ts`, `core/${feature}/methods.ts`, feature]))(
    '%s is implemented in %s',
    (_table, _implementation, feature) => {
      const file = join(CORE, feature, 'methods.ts');
      expect(existsSync(file), `core/${feature}/methods.ts`).toBe(true);
      const text = readFileSync(file, 'utf8');
      const methods = Object.keys(tableOf(feature));
      expect(methods.length).toBeGreaterThan(0);
      expect(methods.filter((method) => !text.includes(`'${method}'`))).toEqual([]);
    },
  );
});
