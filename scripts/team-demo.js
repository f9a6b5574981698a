#!/usr/bin/env node
// `npm run team-demo`: the team server of docker-compose.yml from local
// processes, for machines that cannot run containers. A throwaway
// PostgreSQL cluster from Debian's binaries, two replicas of the built CLI
// sharing it and one key file, and a local reverse proxy in front (the
// public URL). Prints the addresses and the admin token; Ctrl+C stops all of
// it and removes its temp dir.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startDemoProxy } from './demo-proxy.js';
import { ensureBuilt } from './ensure-built.js';
import { findPostgresBin, startCluster } from './pg-cluster.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'out/main/cli.js');
// Migrations run on a replica's first start: generous, yet an end for a replica that hangs.
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const started = { cluster: null, proxy: null, replicas: [], dir: null };
let stopping = null;

async function main() {
  const bin = findPostgresBin();
  if (bin === null) {
    console.error(
      "team-demo needs PostgreSQL's server binaries, which are not installed: apt-get install postgresql",
    );
    return 1;
  }
  ensureBuilt();
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  // A demo that dies anyhow still takes its replicas with it (the cluster has its own exit hook).
  process.once('exit', () => {
    for (const replica of started.replicas)
      if (replica.child.exitCode === null) replica.child.kill('SIGKILL');
  });

  started.dir = mkdtempSync(join(tmpdir(), 'bwi-team-demo-'));
  // Its own process group: a Ctrl+C reaches this script alone, which stops PostgreSQL last.
  started.cluster = await startCluster(bin, { detached: true });
  const database = await createDatabase(started.cluster.url, 'inspector');
  started.proxy = await startDemoProxy();

  // One after the other: the first meets the empty database and makes the admin token, and the
  // shared key file, which the second then reads.
  for (const n of [1, 2]) {
    if (stopping) return stopping;
    await startReplica(n, database, started.proxy.url);
  }
  const [one, two] = started.replicas;
  started.proxy.route({
    receivers: started.replicas.map((r) => hostPort(r.receiver)),
    uis: started.replicas.map((r) => hostPort(r.ui)),
  });
  const adminToken = one.adminToken ?? two.adminToken;
  const proxy = started.proxy.url;
  console.log(
    [
      'Team demo: two replicas on one PostgreSQL, behind a local reverse proxy.',
      `PostgreSQL: ${database}`,
      `Proxy: ${proxy} (the public URL; platforms post to ${proxy}/webhook/<inbox>)`,
      `Replica 1: UI ${one.ui} receiver ${one.receiver}`,
      `Replica 2: UI ${two.ui} receiver ${two.receiver}`,
      adminToken === null
        ? 'Admin token: (none: this build has per-run tokens only; each replica UI line carries its own)'
        : `Admin token: ${adminToken}`,
      `Open: ${proxy}/?token=${adminToken ?? new URL(one.ui).searchParams.get('token')}`,
      `Ctrl+C stops everything and removes ${started.dir}.`,
    ].join('\n'),
  );
  for (const replica of started.replicas) {
    replica.exited.then((code) => {
      if (stopping) return;
      console.error(`Replica ${replica.n} exited (${code}); stopping the demo.`);
      void stop(1);
    });
  }
  return new Promise(() => undefined);
}

async function createDatabase(serverUrl, name) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin`CREATE DATABASE ${admin(name)}`;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * Runs `serve` as a replica (in `started`, so a stop during its start stops
 * it too) and waits for its lines, the admin token among them if it prints one.
 */
function startReplica(n, database, publicUrl) {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--database',
      database,
      '--secret-key-file',
      join(started.dir, 'team.key'),
      '--data-dir',
      join(started.dir, `replica-${n}`),
      '--receiver-port',
      '0',
      '--ui-port',
      '0',
      '--sandbox-port',
      '0',
      '--public-url',
      publicUrl,
      '--trust-proxy',
    ],
    // Its own process group too: it is stopped in order, not by the terminal's Ctrl+C.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', (error) => resolve(error.message));
  });
  const replica = { n, child, exited, ui: '', receiver: '', adminToken: null };
  started.replicas.push(replica);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`Replica ${n} did not start within ${START_TIMEOUT_MS / 1000} s.\n${out}${err}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      const ui = /^Inspector UI: (\S+)$/m.exec(out)?.[1];
      const receiver = /^Receiver: (\S+)$/m.exec(out)?.[1];
      // "Data:" on stderr is the last line serve prints once it runs.
      if (!ui || !receiver || !/^Data: /m.test(err)) return;
      clearTimeout(timer);
      Object.assign(replica, { ui, receiver, adminToken: /^Admin token: (\S+)$/m.exec(out)?.[1] ?? null });
      // From now on its log is the demo's, line by line, named ("Data: …" was for serve's own user).
      relay(child.stderr, `[replica ${n}] `, err.slice(err.search(/^Data: /m)).replace(/^.*\n?/, ''));
      resolve(replica);
    };
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      check();
    });
    child.stderr.on('data', (chunk) => {
      if (replica.ui === '') {
        err += chunk.toString();
        check();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Replica ${n} exited (${code}) while starting.\n${out}${err}`));
    });
  });
}

function relay(stream, prefix, already) {
  let pending = already;
  const flush = (final) => {
    const lines = pending.split('\n');
    pending = final ? '' : (lines.pop() ?? '');
    for (const line of lines) if (line !== '') process.stderr.write(`${prefix}${line}\n`);
  };
  flush(false);
  stream.on('data', (chunk) => {
    pending += chunk.toString();
    flush(false);
  });
  stream.on('end', () => flush(true));
}

const hostPort = (url) => {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: Number(port) };
};

/** Stops the proxy, then the replicas, then PostgreSQL, and removes the temp dir; exits with `code`. */
function stop(code) {
  stopping ??= (async () => {
    await started.proxy?.close();
    await Promise.all(started.replicas.map(stopReplica));
    await started.cluster?.stop();
    if (started.dir) rmSync(started.dir, { recursive: true, force: true });
    console.error('Team demo stopped.');
    process.exit(code);
  })();
  return stopping;
}

async function stopReplica({ child, exited }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

main().then(
  (code) => {
    if (typeof code === 'number' && code !== 0) process.exit(code);
  },
  (error) => {
    console.error(`team-demo: ${error instanceof Error ? error.message : String(error)}`);
    void stop(1);
  },
);
