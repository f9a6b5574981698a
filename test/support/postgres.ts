import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { findPostgresBin, startCluster } from '../../scripts/pg-cluster.js';
import { closePostgres, connectPostgres, type Sql } from '../../src-main/core/store/pg/connect';

// PostgreSQL for tests: the server in DATABASE_URL when set, else a
// throwaway cluster from Debian's binaries (scripts/pg-cluster.js, which
// `npm run team-demo` starts too), one per test file, started in beforeAll
// and stopped in afterAll. Every test gets a database of its own,
// created empty and dropped after it, or a suite shares one it sets up once.

export const NO_POSTGRES_MESSAGE =
  'No PostgreSQL: set DATABASE_URL, or install postgresql (apt-get install postgresql) for a throwaway cluster. In CI this is a failure.';

export { findPostgresBin };

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
