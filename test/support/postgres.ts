import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { closePostgres, connectPostgres, type Sql } from '../../src-main/core/store/pg/connect';
import { makeTempDir, removeDir } from './temp-dir';
import { waitFor } from './wait';

// PostgreSQL for tests: the server in DATABASE_URL when set, else a
// throwaway cluster from Debian's binaries, one per test file, started in
// beforeAll and stopped in afterAll. Every test gets a database of its own,
// created empty and dropped after it, or a suite shares one it sets up once.

export const NO_POSTGRES_MESSAGE =
  'No PostgreSQL: set DATABASE_URL, or install postgresql (apt-get install postgresql) for a throwaway cluster. In CI this is a failure.';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** Debian's newest PostgreSQL server binaries, or null when none are installed. */
export function findPostgresBin(): string | null {
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

export interface TestDatabase {
  url: string;
  /** A client to this database, closed when the test ends. */
  connect(options?: { max?: number }): Sql;
}

export interface PostgresHarness {
  /** An empty database for the running test; skips the test when there is no PostgreSQL (outside CI). */
  freshDatabase(ctx: TestContext): Promise<TestDatabase>;
  /**
   * An empty database for a whole suite, for data that is costly to set up
   * once per test: call it in beforeAll and `drop` it in afterAll. Null when
   * there is no PostgreSQL (outside CI): the suite's tests skip then.
   */
  suiteDatabase(): Promise<SuiteDatabase | null>;
}

export interface SuiteDatabase extends TestDatabase {
  /** Closes its clients and drops it. */
  drop(): Promise<void>;
}

interface Server {
  /** The maintenance database's URL, to create and drop test databases from. */
  url: string;
  stop(): Promise<void>;
  /** Stops the server but keeps its data, for resume (a cluster of our own only). */
  pause?(): Promise<void>;
  resume?(): Promise<void>;
}

/** Registers the hooks that start a server for this file and stop it after. */
export function usePostgres(): PostgresHarness {
  let server: Server | undefined;
  let admin: Sql | undefined;

  beforeAll(async () => {
    const fromEnv = process.env.DATABASE_URL;
    if (fromEnv) server = { url: fromEnv, stop: async () => undefined };
    else {
      const bin = findPostgresBin();
      if (!bin) {
        if (process.env.CI) throw new Error(NO_POSTGRES_MESSAGE);
        return;
      }
      server = await startCluster(bin);
    }
    admin = connectPostgres(server.url, { max: 2 });
  }, 60_000);

  afterAll(async () => {
    if (admin) await closePostgres(admin);
    await server?.stop();
  }, 60_000);

  const createDatabase = async (): Promise<SuiteDatabase | null> => {
    if (!server || !admin) return null;
    const name = `test_${randomBytes(8).toString('hex')}`;
    const owner = admin;
    await owner`CREATE DATABASE ${owner(name)}`;
    const url = withDatabase(server.url, name);
    const clients: Sql[] = [];
    return {
      url,
      connect(options) {
        const client = connectPostgres(url, options);
        clients.push(client);
        return client;
      },
      async drop() {
        await Promise.all(clients.map((c) => closePostgres(c)));
        // FORCE: a connection a failed test left open must not keep the database.
        await owner`DROP DATABASE IF EXISTS ${owner(name)} WITH (FORCE)`;
      },
    };
  };

  return {
    async freshDatabase(ctx) {
      const db = await createDatabase();
      if (!db) return ctx.skip(NO_POSTGRES_MESSAGE);
      ctx.onTestFinished(() => db.drop());
      return db;
    },
    suiteDatabase: createDatabase,
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
}

const isRoot = () => process.getuid?.() === 0;

/** initdb and postgres refuse to run as root: as root, they run as the postgres user. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('No TCP port was given.');
  return address.port;
}

/**
 * `durable`: commits reach the WAL before they are acknowledged, so a
 * server stopped abruptly (an outage a test makes) keeps every commit.
 */
async function startCluster(bin: string, { durable = false } = {}): Promise<Server> {
  const dir = makeTempDir('bwi-pg-');
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
        return await startServer(bin, dir, data, port, durable);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    removeDir(dir);
    throw error;
  }
}

async function startServer(
  bin: string,
  dir: string,
  data: string,
  port: number,
  durable: boolean,
): Promise<Server> {
  // Durability against a crash of the machine is not what tests are for: no fsync makes them faster.
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
  let running = await launch(bin, dir, data, port);
  return {
    url: running.url,
    async stop() {
      await running.stop();
      removeDir(dir);
    },
    pause: () => running.stop(),
    async resume() {
      running = await launch(bin, dir, data, port);
    },
  };
}

/** Runs the postmaster on an initialized data dir and waits until it takes connections. */
async function launch(
  bin: string,
  dir: string,
  data: string,
  port: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'a');
  // The postmaster runs in the foreground as our child: its exit is known at once.
  const child = spawn(...asServerUser(join(bin, 'postgres'), ['-D', data]), { stdio: ['ignore', log, log] });
  closeSync(log);
  // Either event ends it: 'error' alone comes when the program could not be started at all.
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`exit ${code ?? signal}`));
    child.once('error', (error) => resolve(error.message));
  });
  let ended: string | undefined;
  void exited.then((how) => {
    ended = how;
  });
  const stopNow = stopper(bin, data, child, exited);
  // A test process that dies without afterAll must not leave a server running.
  process.once('exit', stopNow.sync);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitFor(
      async () => {
        if (ended !== undefined) {
          throw new Error(`PostgreSQL ended (${ended}) while starting:\n${readFileSync(logPath, 'utf8')}`);
        }
        return await canConnect(url);
      },
      { timeoutMs: 30_000, intervalMs: 20, what: `PostgreSQL on port ${port}` },
    );
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

/** A cluster of the test's own, which it may stop and start again (a database outage); stopped after the test. */
export async function ownCluster(ctx: TestContext): Promise<{
  /** A new database on it. */
  database(): Promise<string>;
  pause(): Promise<void>;
  resume(): Promise<void>;
}> {
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI) throw new Error(NO_POSTGRES_MESSAGE);
    return ctx.skip(NO_POSTGRES_MESSAGE);
  }
  // Stopped abruptly in the middle of a test: what was acknowledged must still be there after.
  const server = await startCluster(bin, { durable: true });
  ctx.onTestFinished(() => server.stop());
  return {
    async database() {
      const admin = connectPostgres(server.url, { max: 1 });
      const name = `test_${randomBytes(8).toString('hex')}`;
      try {
        await admin`CREATE DATABASE ${admin(name)}`;
      } finally {
        await closePostgres(admin);
      }
      return withDatabase(server.url, name);
    },
    pause: () => server.pause?.() ?? Promise.resolve(),
    resume: () => server.resume?.() ?? Promise.resolve(),
  };
}

function stopper(bin: string, data: string, child: ChildProcess, exited: Promise<unknown>) {
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

async function canConnect(url: string): Promise<boolean> {
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
