// The servers under test, each in a process of its own, started and stopped alike.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CLI = here('../../../out/main/cli.js');

export interface Running {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function started<T>(child: ChildProcess, pattern: (out: string) => T | null, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${what} did not start: exited with ${code}\n${out}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = pattern(out);
      if (found) resolve(found);
    });
  });
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A reference server from ./servers: bare, bare-sqlite or mockttp. */
export async function reference(name: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [here(`../servers/${name}.js`)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port = await started(child, (out) => /LISTENING (\d+)/.exec(out)?.[1] ?? null, name);
  return { name, url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, stop: () => stopped(child) };
}

export interface Inspector extends Running {
  dataDir: string;
  /** The WebSocket of live events, token included. */
  eventsUrl: string;
  /** The UI's address as printed (the local app's carries its token). */
  uiUrl: string;
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The inspector itself: the built CLI, in a fresh data dir unless given one. */
export async function inspector({
  durability = 'full',
  dataDir,
  extraArgs = [],
}: {
  durability?: string;
  dataDir?: string;
  extraArgs?: string[];
} = {}): Promise<Inspector> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'bwi-bench-'));
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--data-dir',
      dir,
      '--receiver-port',
      '0',
      '--ui-port',
      '0',
      '--sandbox-port',
      '0',
      '--durability',
      durability,
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, DATABASE_URL: '' } },
  );
  const lines = await started(
    child,
    (out) => {
      const receiver = /^Receiver: (\S+)$/m.exec(out)?.[1];
      const ui = /^Inspector UI: (\S+)$/m.exec(out)?.[1];
      const admin = /^Admin token: (\S+)$/m.exec(out)?.[1];
      return receiver && ui ? { receiver, ui: new URL(ui), admin } : null;
    },
    'the inspector',
  );
  const token = lines.ui.searchParams.get('token') ?? lines.admin ?? '';
  return {
    name: 'inspector',
    url: lines.receiver,
    pid: child.pid ?? 0,
    dataDir: dir,
    eventsUrl: `ws://${lines.ui.host}/events?token=${encodeURIComponent(token)}`,
    uiUrl: lines.ui.href,
    async api<T>(method: string, input: unknown = {}): Promise<T> {
      const res = await fetch(`${lines.ui.origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!res.ok) throw new Error(`${method}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async stop({ keepData = false } = {}) {
      await stopped(child);
      if (!keepData && dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process, from /proc (Linux), in MB. */
export function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}
