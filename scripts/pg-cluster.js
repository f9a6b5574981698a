// A throwaway PostgreSQL cluster from Debian's server binaries, in a temp
// dir, on a free port of 127.0.0.1: the tests' databases and `npm run
// team-demo` start theirs here. Plain JavaScript so the demo runs with node
// alone; its types are in pg-cluster.d.ts.
import { execFile, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** Debian's newest PostgreSQL server binaries, or null when none are installed. */
export function findPostgresBin() {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(PG_ROOT, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

/** initdb and postgres refuse to run as root: as root, they run as the postgres user. */
function asServerUser(command, args) {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No TCP port was given.');
  return address.port;
}

/**
 * Initializes a cluster in a new temp dir and starts it; `stop()` stops it
 * and removes the dir. `durable`: commits reach the WAL before they are
 * acknowledged, so a server stopped abruptly (an outage a test makes) keeps
 * every commit. `detached`: the server runs in a process group of its own,
 * so a Ctrl+C in the terminal reaches only its owner, which stops it last.
 */
export async function startCluster(bin, { durable = false, detached = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bwi-pg-'));
  const data = join(dir, 'data');
  try {
    if (isRoot()) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      chownSync(dir, uid, gid);
    }
    // Trust on 127.0.0.1 and a private socket dir: nothing outside this machine can reach it.
    await run(
      ...asServerUser(join(bin, 'initdb'), [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ]),
    );
    // The port is free when probed, but another process may take it before
    // the server binds: then it exits, and a new port is tried.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        return await startServer({ bin, dir, data, port, durable, detached });
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function startServer({ bin, dir, data, port, durable, detached }) {
  // Durability against a crash of the machine is not what these clusters are for: no fsync is faster.
  appendFileSync(
    join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'fsync = off',
      `synchronous_commit = ${durable ? 'on' : 'off'}`,
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  let running = await launch({ bin, dir, data, port, detached });
  return {
    url: running.url,
    dir,
    async stop() {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    /** Stops the server but keeps its data, for resume. */
    pause: () => running.stop(),
    async resume() {
      running = await launch({ bin, dir, data, port, detached });
    },
  };
}

/** Runs the postmaster on an initialized data dir and waits until it takes connections. */
async function launch({ bin, dir, data, port, detached }) {
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'a');
  // The postmaster runs in the foreground as our child: its exit is known at once.
  const child = spawn(...asServerUser(join(bin, 'postgres'), ['-D', data]), {
    stdio: ['ignore', log, log],
    detached,
  });
  closeSync(log);
  // Either event ends it: 'error' alone comes when the program could not be started at all.
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(`exit ${code ?? signal}`));
    child.once('error', (error) => resolve(error.message));
  });
  let ended;
  void exited.then((how) => {
    ended = how;
  });
  const stopNow = stopper(bin, data, child, exited);
  // A process that dies without stopping it must not leave a server running.
  process.once('exit', stopNow.sync);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    const deadline = Date.now() + 30_000;
    while (!(await canConnect(url))) {
      if (ended !== undefined)
        throw new Error(`PostgreSQL ended (${ended}) while starting:\n${readFileSync(logPath, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`PostgreSQL on port ${port} did not start within 30 s.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    await stopNow.async();
    process.removeListener('exit', stopNow.sync);
    throw error;
  }
  return {
    url,
    async stop() {
      await stopNow.async();
      process.removeListener('exit', stopNow.sync);
    },
  };
}

function stopper(bin, data, child, exited) {
  const args = ['stop', '-D', data, '-m', 'immediate'];
  return {
    async: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await run(...asServerUser(join(bin, 'pg_ctl'), args)).catch(() => child.kill('SIGQUIT'));
      await exited;
    },
    sync: () => {
      if (child.exitCode === null && child.signalCode === null) {
        spawnSync(...asServerUser(join(bin, 'pg_ctl'), args), { stdio: 'ignore' });
      }
    },
  };
}

async function canConnect(url) {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => undefined });
  try {
    await probe`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}
