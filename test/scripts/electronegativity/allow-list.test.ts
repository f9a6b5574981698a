import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AllowEntry, parseAllowList } from '../../../scripts/electronegativity/allow-list';
import type { Finding } from '../../../scripts/electronegativity/findings-csv';
import { judge } from '../../../scripts/electronegativity/gate';

const LIST = 'scripts/electronegativity/allow-list.json';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  check: 'PRELOAD_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'src-main/desktop/window.ts',
  location: '16:6',
  sample: "preload: join(import.meta.dirname, '../preload/preload.cjs'),",
  description: 'Review the use of preload scripts',
  ...overrides,
});

const entry = (overrides: Partial<AllowEntry> = {}): AllowEntry => ({
  check: 'PRELOAD_JS_CHECK',
  file: 'src-main/desktop/window.ts',
  justification: 'The preload exposes one typed object, never ipcRenderer.',
  ...overrides,
});

const list = (...allowed: unknown[]) => JSON.stringify({ allowed });

describe('parseAllowList', () => {
  it('reads entries of check, file and a one-line justification', () => {
    expect(parseAllowList(list(entry()))).toEqual([entry()]);
  });

  it.each([
    ['no justification', { check: 'PRELOAD_JS_CHECK', file: 'src-main/desktop/window.ts' }],
    ['an empty justification', entry({ justification: '' })],
    ['a blank justification', entry({ justification: '                          ' })],
    ['a token justification', entry({ justification: 'ok' })],
    ['a justification of several lines', entry({ justification: 'The preload is narrow.\nAnd typed, too.' })],
    ['no file', { check: 'PRELOAD_JS_CHECK', justification: entry().justification }],
    ['an absolute file', entry({ file: '/work/app/src-main/desktop/window.ts' })],
    ['a Windows path', entry({ file: 'src-main\\desktop\\window.ts' })],
    ['a check that is no check id', entry({ check: 'preload' })],
    ['a field the list does not know', { ...entry(), line: 16 }],
  ])('refuses an entry with %s', (_label, bad) => {
    expect(() => parseAllowList(list(bad))).toThrow(/allow-list is invalid/);
  });

  it('refuses an entry listed twice', () => {
    expect(() => parseAllowList(list(entry(), entry()))).toThrow(/twice/);
  });

  it('reads the committed allow-list', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../..', LIST), 'utf8');
    expect(parseAllowList(committed).length).toBeGreaterThan(0);
  });
});

describe('judge', () => {
  it('passes a listed finding', () => {
    expect(judge([finding()], [entry()], LIST)).toEqual([]);
  });

  it('fails a finding that is not listed, naming it and where to list it', () => {
    const problems = judge([finding({ check: 'OPEN_EXTERNAL_JS_CHECK', location: '25:37' })], [], LIST);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('MEDIUM OPEN_EXTERNAL_JS_CHECK in src-main/desktop/window.ts at 25:37');
    expect(problems[0]).toContain(LIST);
  });

  it('fails a HIGH finding that is not listed', () => {
    expect(judge([finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH' })], [], LIST)).toHaveLength(
      1,
    );
  });

  it('fails a listed check found in another file', () => {
    const elsewhere = finding({ file: 'src-main/desktop/settings-window.ts' });
    expect(judge([finding(), elsewhere], [entry()], LIST)).toEqual([
      expect.stringContaining('PRELOAD_JS_CHECK in src-main/desktop/settings-window.ts'),
    ]);
  });

  it('ignores LOW and INFORMATIONAL findings', () => {
    const weak = [
      finding({ severity: 'LOW' }),
      finding({ check: 'CSP_GLOBAL_CHECK', severity: 'INFORMATIONAL' }),
    ];
    expect(judge(weak, [], LIST)).toEqual([]);
  });

  it('fails an entry that is no longer found, so fixed findings leave the list', () => {
    expect(judge([], [entry()], LIST)).toEqual([expect.stringContaining('no longer found: remove it')]);
  });

  it('fails a source that silences the tool inline', () => {
    expect(judge([], [], LIST, ['src-main/desktop/window.ts'])).toEqual([
      expect.stringContaining('src-main/desktop/window.ts has an eng-disable comment'),
    ]);
  });
});
