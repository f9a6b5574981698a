import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type Finding, parseFindingsCsv } from './findings-csv';

export interface ScanOptions {
  /** The project root: reported files are made relative to it. */
  root: string;
  /** The folder to scan, relative to root. */
  folder: string;
  /** The Electron version to judge against; by default the one installed. */
  electronVersion?: string;
  /** The tool's entry script; tests point it at a stand-in. */
  tool?: string;
}

const require = createRequire(import.meta.url);

function toolEntry(): string {
  const manifest = require.resolve('@doyensec/electronegativity/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.electronegativity ?? 'dist/index.js');
}

function installedElectronVersion(): string {
  const manifest = require.resolve('electron/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Runs Electronegativity over one folder and returns what it found, each file
 * relative to the root with `/` (a global check names the folder). The tool
 * exits 0 whatever happens, so success is judged by its report: no CSV, a
 * malformed one, or a file it could not parse (and so did not check) fails.
 */
export async function scanFolder(options: ScanOptions): Promise<Finding[]> {
  const input = resolve(options.root, options.folder);
  if (!existsSync(input)) throw new Error(`Nothing to scan: ${options.folder} does not exist.`);
  const work = mkdtempSync(join(tmpdir(), 'bwi-electronegativity-'));
  const report = join(work, 'report.csv');
  try {
    const args = [
      options.tool ?? toolEntry(),
      ...['--input', input, '--output', report],
      // Given the version, the tool needs no network to know Electron's defaults.
      ...['--electron-version', options.electronVersion ?? installedElectronVersion()],
      // This check downloads Electron's release list; its answer changes with the day's
      // releases, not with this code, and it only reads package.json, which is not scanned.
      ...['--exclude-checks', 'AvailableSecurityFixesGlobalCheck'],
    ];
    const { code, output } = await run(process.execPath, args, {
      // The tool writes the CSV header and rows with two unordered async writes; one
      // libuv thread runs them in the order they were issued.
      UV_THREADPOOL_SIZE: '1',
      // Its messages are localized by LANG; the parse-error check below reads English.
      LANG: 'en-US',
    });
    if (code !== 0)
      throw new Error(`Electronegativity failed on ${options.folder} (exit ${code}):\n${output}`);
    const unread = output.split('\n').filter((line) => line.includes('Error parsing '));
    if (unread.length > 0) {
      throw new Error(`Electronegativity could not parse, so did not check:\n${unread.join('\n')}`);
    }
    if (!existsSync(report)) {
      throw new Error(`Electronegativity wrote no report for ${options.folder}:\n${output}`);
    }
    return parseFindingsCsv(readFileSync(report, 'utf8')).map((finding) => ({
      ...finding,
      file:
        finding.file === 'N/A' ? options.folder : relative(options.root, finding.file).split(sep).join('/'),
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}
