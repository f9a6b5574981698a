// The servers under test, each in a process of its own, started and stopped alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const CLI = here('../../../out/main/cli.js');

function started(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why) => reject(new Error(`${what} did not start: ${why}\n${out}`));
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = pattern(out);
      if (found) resolve(found);
    });
  });
}

async function stopped(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** A reference server from ./servers: bare, bare-sqlite or mockttp. */
export async function reference(name, env = {}) {
  const child = spawn(process.execPath, [here(`../servers/${name}.js`)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port = await started(child, (out) => /LISTENING (\d+)/.exec(out)?.[1], name);
  return { name, url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopped(child) };
}

/** The inspector itself: the built CLI, in a fresh data dir unless given one. */
export async function inspector({ durability = 'full', dataDir, extraArgs = [] } = {}) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'bwi-bench-'));
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--data-dir', dir, '--receiver-port', '0', '--ui-port', '0', '--sandbox-port', '0',
      '--durability', durability, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } },
  );
  const lines = await started(
    child,
    (out) => {
      const receiver = /^Receiver: (\S+)$/m.exec(out)?.[1];
      const ui = /^Inspector UI: (\S+)$/m.exec(out)?.[1];
      return receiver && ui ? { receiver, ui: new URL(ui) } : null;
    },
    'the inspector',
  );
  const token = lines.ui.searchParams.get('token');
  return {
    name: 'inspector',
    url: lines.receiver,
    pid: child.pid,
    dataDir: dir,
    async api(method, input = {}) {
      const res = await fetch(`${lines.ui.origin}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!res.ok) throw new Error(`${method}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async stop({ keepData = false } = {}) {
      await stopped(child);
      if (!keepData && dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process, from /proc (Linux), in MB. */
export async function rssMb(pid) {
  const { readFileSync } = await import('node:fs');
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}
