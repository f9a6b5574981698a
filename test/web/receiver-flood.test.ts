import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { serve } from '../../src-main/web/serve';
import { httpRequest, postJson } from '../support/http';
import { solafonUpdate } from '../support/payloads';
import { makeTempDir, removeDir, useCleanup } from '../support/temp-dir';
import { waitFor } from '../support/wait';

/** Soft and hard "Max open files" of this process. */
function openFiles(): { soft: string; hard: string } {
  const m = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  if (!m) throw new Error('No "Max open files" line in /proc/self/limits.');
  return { soft: m[1] as string, hard: m[2] as string };
}

/** Sets this process's descriptor limit (util-linux prlimit; Node cannot do it itself). */
function setOpenFiles(soft: string, hard: string): void {
  execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${soft}:${hard}`]);
}

// Runs in its own process, so its sockets take none of the inspector's descriptors. It reports
// how many of its connections are open and how many were closed; it stops when its stdin ends.
const FLOOD = `
const net = require('node:net');
const [port, count, ...from] = process.argv.slice(1);
let open = 0;
let closed = 0;
let queued = false;
const report = () => {
  if (queued) return;
  queued = true;
  setImmediate(() => {
    queued = false;
    process.stdout.write(JSON.stringify({ open, closed }) + '\\n');
  });
};
for (let i = 0; i < Number(count); i++) {
  const socket = net.connect({ port: Number(port), host: '127.0.0.1', localAddress: from[i % from.length] });
  let connected = false;
  socket.on('connect', () => { connected = true; open++; report(); });
  socket.on('error', () => {});
  socket.on('close', () => { if (connected) open--; closed++; report(); });
}
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

function startFlood(port: number, count: number, from: string[]) {
  const state = { open: 0, closed: 0, exited: false };
  const child: ChildProcess = spawn(process.execPath, ['-e', FLOOD, String(port), String(count), ...from], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    const last = lines[lines.length - 1];
    if (last) Object.assign(state, JSON.parse(last));
  });
  child.on('exit', () => {
    state.exited = true;
  });
  return {
    state,
    /** Ends the flood: the child closes every connection by exiting. */
    stop: async () => {
      if (state.exited) return;
      child.stdin?.end();
      await waitFor(() => state.exited, { what: 'the flood process to exit' });
    },
  };
}

describe('a connection flood on the receiver', () => {
  const cleanup = useCleanup();

  it('leaves descriptors for the UI bridge and the sandbox, and the receiver serves again after it', {
    timeout: 60_000,
  }, async () => {
    // Lowering the limit must touch only this test's own process: vitest's forks pool gives each file one.
    expect(isMainThread && typeof process.send === 'function').toBe(true);
    const before = openFiles();
    setOpenFiles('1024', before.hard);
    cleanup(() => setOpenFiles(before.soft, before.hard));

    const root = makeTempDir('bwi-flood-');
    cleanup(() => removeDir(root));
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>flood</title>');
    const served = await serve({
      dataDir: join(root, 'data'),
      receiverPort: 0,
      sandboxPort: 0,
      uiPort: 0,
      staticDir,
      log: () => {},
      // Idle connections stay for the whole test; cutting them early is another test's subject.
      receiverLimits: { headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
    });
    cleanup(() => served.stop());
    const { core } = served;
    // Derived from the lowered limit: half of the 1024 descriptors, the other half kept in reserve.
    expect(core.receiverLimits.maxConnections).toBe(512);

    // Twice as many connections as the process may open at all, from eight local addresses.
    const count = 2048;
    const from = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
    const flood = startFlood(core.receiverPort, count, from);
    cleanup(() => flood.stop());
    // Every attempt made (connected or closed; some connected ones still wait in the kernel's queue), and
    // the receiver full.
    await waitFor(
      () => flood.state.open + flood.state.closed === count && core.receiverLoad().connections === 512,
      { timeoutMs: 30_000, what: 'the receiver to hold 512 connections and close the rest' },
    );

    const info = await httpRequest(`${served.bridge.url}/api/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect(info.json()).toMatchObject({ receiverUrl: core.receiverUrl });
    const page = await httpRequest(`${served.bridge.url}/`);
    expect(page.status).toBe(200);
    const getMe = await httpRequest(`${core.sandboxUrl}/bot${core.sandboxToken}/getMe`);
    expect(getMe.status).toBe(200);
    expect(core.receiverLoad().connections).toBe(512);

    await flood.stop();
    await waitFor(() => core.receiverLoad().connections === 0, { what: 'the flood connections to go' });
    expect((await postJson(`${core.receiverUrl}/webhook`, solafonUpdate(1))).status).toBe(200);
    expect((await core.service['deliveries.list']({ limit: 10 })).total).toBe(1);
  });
});
