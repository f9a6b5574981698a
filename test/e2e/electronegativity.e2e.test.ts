import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GateReport, runGate } from '../../scripts/electronegativity/gate';
import { makeTempDir, removeDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Doyensec's Electronegativity over the sources and over the build that ships
// (the global setup builds out/), held against the committed allow-list.
// Part of `npm test`, so CI fails on any new MEDIUM or HIGH finding.
describe('Electronegativity', () => {
  let project: Promise<GateReport>;
  let planted: Promise<GateReport>;
  let plantedDir: string;

  beforeAll(() => {
    // A window as insecure as they come, scanned alongside to show a finding
    // outside the list fails: the real tool, the real parser, the real list.
    plantedDir = makeTempDir('bwi-planted-');
    mkdirSync(join(plantedDir, 'desktop'));
    writeFileSync(
      join(plantedDir, 'desktop', 'window.js'),
      "import { BrowserWindow } from 'electron';\n" +
        'export const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
    );
    // Both run at once: each mostly waits on the tool's own network time-outs.
    project = runGate({ root: ROOT, folders: ['src-main', 'out'] });
    planted = runGate({ root: ROOT, folders: [relative(ROOT, plantedDir)] });
    // Awaited by the tests; until then a failure is not an unhandled rejection.
    for (const report of [project, planted]) report.catch(() => {});
  });

  afterAll(() => {
    removeDir(plantedDir);
  });

  it('finds nothing in src-main and out/ beyond the allow-list', async () => {
    const report = await project;
    expect(report.problems, report.problems.join('\n')).toEqual([]);
    // It did read the app: the built page's CSP is seen (rated below MEDIUM).
    expect(report.findings).toContainEqual(
      expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', file: 'out/renderer/index.html' }),
    );
  });

  it('fails on findings the list does not name', async () => {
    const { problems } = await planted;
    const file = `${relative(ROOT, plantedDir)}/desktop/window.js`;
    expect(problems).toContainEqual(expect.stringContaining(`HIGH CONTEXT_ISOLATION_JS_CHECK in ${file}`));
    expect(problems).toContainEqual(expect.stringContaining(`MEDIUM SANDBOX_JS_CHECK in ${file}`));
    // Listed for window.ts, still a failure in any other file.
    expect(problems).toContainEqual(expect.stringContaining(`MEDIUM AUXCLICK_JS_CHECK in ${file}`));
  });
});
