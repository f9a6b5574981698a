import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFolder } from '../../../scripts/electronegativity/scan';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

/**
 * A stand-in for the tool: a script that receives the same arguments and does
 * what `body` says (it sees `input`, `output` and `args`).
 */
function fakeTool(dir: string, body: string): string {
  const path = join(dir, 'fake-electronegativity.cjs');
  writeFileSync(
    path,
    `const fs = require('node:fs');
const args = process.argv.slice(2);
const input = args[args.indexOf('--input') + 1];
const output = args[args.indexOf('--output') + 1];
${body}`,
  );
  return path;
}

describe('scanFolder', () => {
  const addCleanup = useCleanup();
  const project = () => {
    const root = tempDirFor(addCleanup, 'bwi-scan-');
    mkdirSync(join(root, 'src-main', 'desktop'), { recursive: true });
    return root;
  };

  it('returns findings with project-relative files, a global one naming the folder scanned', async () => {
    const root = project();
    const tool = fakeTool(
      root,
      `fs.writeFileSync(${JSON.stringify(join(root, 'args.json'))}, JSON.stringify(args));
fs.writeFileSync(output, [${JSON.stringify(HEADER)},
  'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP",https://x',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","' + input + '/desktop/window.ts","16:6","preload","Review",https://x', ''].join('\\n'));`,
    );
    const findings = await scanFolder({ root, folder: 'src-main', tool, electronVersion: '45.4.1' });
    expect(findings.map((f) => [f.check, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'src-main'],
      ['PRELOAD_JS_CHECK', 'src-main/desktop/window.ts'],
    ]);
    const args = JSON.parse(readFileSync(join(root, 'args.json'), 'utf8')) as string[];
    expect(args).toEqual(expect.arrayContaining(['--electron-version', '45.4.1']));
    expect(args[args.indexOf('--input') + 1]).toBe(join(root, 'src-main'));
  });

  it('fails when the tool crashes', async () => {
    const root = project();
    const tool = fakeTool(root, `console.error('TypeError: boom'); process.exit(1);`);
    await expect(scanFolder({ root, folder: 'src-main', tool })).rejects.toThrow(
      /failed on src-main \(exit 1\)/,
    );
  });

  it('fails when the tool exits 0 without writing a report', async () => {
    const root = project();
    const tool = fakeTool(root, `console.log('No connectivity?');`);
    await expect(scanFolder({ root, folder: 'src-main', tool })).rejects.toThrow(/wrote no report/);
  });

  it('fails when the report is not a CSV report', async () => {
    const root = project();
    const tool = fakeTool(root, `fs.writeFileSync(output, '');`);
    await expect(scanFolder({ root, folder: 'src-main', tool })).rejects.toThrow(/Not an Electronegativity/);
  });

  it('fails when the tool could not parse a file, and so did not check it', async () => {
    const root = project();
    const tool = fakeTool(
      root,
      `console.error('Error parsing ' + input + '/desktop/window.ts - Unexpected token (3:4)');
fs.writeFileSync(output, ${JSON.stringify(`${HEADER}\n`)});`,
    );
    await expect(scanFolder({ root, folder: 'src-main', tool })).rejects.toThrow(/could not parse/);
  });

  it('fails when the folder does not exist (an unbuilt out/)', async () => {
    const root = project();
    const tool = fakeTool(root, `fs.writeFileSync(output, ${JSON.stringify(`${HEADER}\n`)});`);
    await expect(scanFolder({ root, folder: 'out', tool })).rejects.toThrow(/out does not exist/);
  });
});
