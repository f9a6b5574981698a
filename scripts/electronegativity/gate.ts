import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type AllowEntry, entryKey, parseAllowList } from './allow-list';
import { type Finding, SEVERITIES } from './findings-csv';
import { scanFolder } from './scan';

export const ALLOW_LIST = 'scripts/electronegativity/allow-list.json';

/** What fails the check: MEDIUM and above. */
const FAILING = new Set(SEVERITIES.slice(SEVERITIES.indexOf('MEDIUM')));

export interface GateOptions {
  root: string;
  /** Folders to scan, relative to root. */
  folders: string[];
  /** The allow-list, relative to root. */
  allowList?: string;
  /** Scans one folder; tests pass canned findings. */
  scan?: (folder: string) => Promise<Finding[]>;
}

export interface GateReport {
  findings: Finding[];
  /** Empty when the check passes; otherwise one line per reason it fails. */
  problems: string[];
}

/**
 * Electronegativity over the given folders, held against the allow-list:
 * every MEDIUM or HIGH finding must be listed, every listed entry must still
 * be found (a fixed finding leaves the list), and no source may silence the
 * tool with an inline `eng-disable` comment, which would bypass the list.
 */
export async function runGate(options: GateOptions): Promise<GateReport> {
  const allowList = options.allowList ?? ALLOW_LIST;
  const allowed = parseAllowList(readFileSync(join(options.root, allowList), 'utf8'));
  const scan = options.scan ?? ((folder) => scanFolder({ root: options.root, folder }));
  const findings = (await Promise.all(options.folders.map(scan))).flat();
  return { findings, problems: judge(findings, allowed, allowList, silencedFiles(options)) };
}

export function judge(
  findings: Finding[],
  allowed: AllowEntry[],
  allowList: string,
  silenced: string[] = [],
): string[] {
  const failing = findings.filter((finding) => FAILING.has(finding.severity));
  const listed = new Set(allowed.map(entryKey));
  const found = new Set(failing.map((finding) => entryKey(finding)));
  return [
    ...failing
      .filter((finding) => !listed.has(entryKey(finding)))
      .map(
        (f) =>
          `${f.severity} ${f.check} in ${f.file} at ${f.location}: ${f.description} (${f.sample}). ` +
          `Fix it, or add {"check", "file", "justification"} for it to ${allowList}.`,
      ),
    ...allowed
      .filter((entry) => !found.has(entryKey(entry)))
      .map(
        (entry) => `${allowList} lists ${entry.check} in ${entry.file}, which is no longer found: remove it.`,
      ),
    ...silenced.map(
      (file) =>
        `${file} has an eng-disable comment, which hides findings from ${allowList}: list them there instead.`,
    ),
  ];
}

const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/;

/** Files the tool reads that carry its inline opt-out comment. */
function silencedFiles(options: GateOptions): string[] {
  const hits: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path);
      } else if (SCANNED.test(entry.name) && readFileSync(path, 'utf8').includes('eng-disable')) {
        hits.push(relative(options.root, path).split(sep).join('/'));
      }
    }
  };
  for (const folder of options.folders) visit(join(options.root, folder));
  return hits;
}
