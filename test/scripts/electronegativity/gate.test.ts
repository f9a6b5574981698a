import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../scripts/electronegativity/findings-csv';
import { runGate } from '../../../scripts/electronegativity/gate';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

const preload: Finding = {
  check: 'PRELOAD_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'src-main/desktop/window.ts',
  location: '16:6',
  sample: 'preload: …',
  description: 'Review the use of preload scripts',
};

describe('runGate', () => {
  const addCleanup = useCleanup();

  /** A project with one source file and an allow-list that accepts the preload finding. */
  const project = (source: string) => {
    const root = tempDirFor(addCleanup, 'bwi-gate-');
    mkdirSync(join(root, 'src-main', 'desktop'), { recursive: true });
    writeFileSync(join(root, 'src-main', 'desktop', 'window.ts'), source);
    writeFileSync(
      join(root, 'allow.json'),
      JSON.stringify({
        allowed: [
          { check: preload.check, file: preload.file, justification: 'One typed object, never ipcRenderer.' },
        ],
      }),
    );
    return root;
  };

  it('passes when every finding is listed, scanning each folder', async () => {
    const root = project('export const win = 1;\n');
    const scanned: string[] = [];
    const report = await runGate({
      root,
      folders: ['src-main'],
      allowList: 'allow.json',
      scan: async (folder) => {
        scanned.push(folder);
        return [preload];
      },
    });
    expect(scanned).toEqual(['src-main']);
    expect(report).toEqual({ findings: [preload], problems: [] });
  });

  it('fails on a source that silences the tool with an inline eng-disable comment', async () => {
    const root = project('const win = new BrowserWindow({}); /* eng-disable SANDBOX_JS_CHECK */\n');
    const report = await runGate({
      root,
      folders: ['src-main'],
      allowList: 'allow.json',
      scan: async () => [preload],
    });
    expect(report.problems).toEqual([
      expect.stringContaining('src-main/desktop/window.ts has an eng-disable comment'),
    ]);
  });

  it('refuses to run with an invalid allow-list', async () => {
    const root = project('export const win = 1;\n');
    writeFileSync(
      join(root, 'allow.json'),
      JSON.stringify({ allowed: [{ check: preload.check, file: preload.file }] }),
    );
    await expect(
      runGate({ root, folders: ['src-main'], allowList: 'allow.json', scan: async () => [preload] }),
    ).rejects.toThrow(/justification/);
  });
});
