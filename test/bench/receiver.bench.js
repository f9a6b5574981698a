#!/usr/bin/env node
// Receiver throughput and latency under load: `npm run bench`.
// Starts the built CLI on free ports in a temp data dir, drives the default
// inbox with autocannon (each request a fresh update_id), then checks that
// the store holds exactly what was acknowledged.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const cli = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
const durability = process.env.DURABILITY ?? 'full';
const seconds = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'bwi-bench-'));

const child = spawn(
  process.execPath,
  [
    cli,
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
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const { receiver, ui } = await new Promise((resolve, reject) => {
  let out = '';
  child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const r = /^Receiver: (\S+)$/m.exec(out)?.[1];
    const u = /^Inspector UI: (\S+)$/m.exec(out)?.[1];
    if (r && u) resolve({ receiver: r, ui: new URL(u) });
  });
});

let updateId = 0;
const result = await autocannon({
  url: `${receiver}/webhook`,
  method: 'POST',
  connections,
  duration: seconds,
  headers: { 'content-type': 'application/json' },
  requests: [
    {
      setupRequest: (req) => {
        updateId += 1;
        req.body = JSON.stringify({
          update_id: updateId,
          message_id: updateId,
          from: { id: 42, email: 'ada@example.com', name: 'Ada', language: 'en' },
          chat: { id: 42, type: 'private' },
          date: 1704067200,
          text: `/bench ${updateId}`,
        });
        return req;
      },
    },
  ],
});

const res = await fetch(`${ui.origin}/api/deliveries.list`, {
  method: 'POST',
  headers: { authorization: `Bearer ${ui.searchParams.get('token')}`, 'content-type': 'application/json' },
  body: JSON.stringify({ limit: 1 }),
});
const { total } = await res.json();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dir, { recursive: true, force: true });

const ok = result['2xx'];
console.log(
  JSON.stringify(
    {
      durability,
      connections,
      seconds,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      acknowledged: ok,
      non2xx: result.non2xx,
      errors: result.errors,
      stored: total,
    },
    null,
    2,
  ),
);
if (total < ok) {
  console.error(`Lost deliveries: ${ok} acknowledged, ${total} stored.`);
  process.exit(1);
}
