#!/usr/bin/env node
// Receiver throughput and latency under load: `npm run bench`.
// Starts the built CLI on free ports in a temp data dir, drives the default
// inbox with autocannon (each request a fresh update_id), then checks that
// the store holds exactly what was acknowledged.
// Then the runaway scenario: the p99 of ordinary deliveries at a moderate
// load, alone and while runaway commands (an endless loop, a memory bomb) are
// hit in parallel; reported as both p99s and their ratio (machines are noisy).
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
const deliveries = (options) =>
  autocannon({
    url: `${receiver}/webhook`,
    method: 'POST',
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
    ...options,
  });

const api = async (method, input) => {
  const res = await fetch(`${ui.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ui.searchParams.get('token')}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${method}: ${res.status} ${await res.text()}`);
  return res.json();
};

const result = await deliveries({ connections, duration: seconds });
const { total } = await api('deliveries.list', { limit: 1 });

const runawaySeconds = Number(process.env.RUNAWAY_SECONDS ?? 5);
const runawayConnections = Number(process.env.RUNAWAY_CONNECTIONS ?? 10);
const runawayHitters = Number(process.env.RUNAWAY_HITTERS ?? 8);
const runawayLinks = [];
for (const [name, body] of [
  ['bench-spin', 'while (true) {}'],
  ['bench-bomb', "const a = []; while (true) a.push('x'.repeat(1e6) + a.length);"],
]) {
  await api('commands.save', { name, body });
  runawayLinks.push((await api('links.sign', { command: name, userId: 42, params: [] })).url);
}
const calm = await deliveries({ connections: runawayConnections, duration: runawaySeconds });
const linkAnswers = {};
let hitting = true;
const hitters = Array.from({ length: runawayHitters }, async (_, i) => {
  while (hitting) {
    const res = await fetch(runawayLinks[i % runawayLinks.length]).catch(() => null);
    const key = res ? String(res.status) : 'error';
    linkAnswers[key] = (linkAnswers[key] ?? 0) + 1;
    await res?.arrayBuffer();
    // A busy answer says when to come back; a client that does keeps the workers full without a flood of 429s.
    const retryAfter = Number(res?.headers.get('retry-after') ?? 0);
    if (retryAfter > 0) await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
});
const stormy = await deliveries({ connections: runawayConnections, duration: runawaySeconds });
hitting = false;
await Promise.all(hitters);

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
      runaway: {
        connections: runawayConnections,
        seconds: runawaySeconds,
        runawayHitters,
        p99AloneMs: calm.latency.p99,
        p99WithRunawayMs: stormy.latency.p99,
        ratio: Math.round((stormy.latency.p99 / Math.max(1, calm.latency.p99)) * 100) / 100,
        deliveriesNon2xx: stormy.non2xx + stormy.errors,
        linkAnswers,
      },
    },
    null,
    2,
  ),
);
if (total < ok) {
  console.error(`Lost deliveries: ${ok} acknowledged, ${total} stored.`);
  process.exit(1);
}
