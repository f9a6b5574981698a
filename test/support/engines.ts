import type { Database } from 'better-sqlite3';
import type { TestContext } from 'vitest';
import { keyFileBox } from '../../src-main/core/secrets/key-file-box';
import type { SecretBox } from '../../src-main/core/secrets/secret-box';
import { openDatabase } from '../../src-main/core/store/open-database';
import type { Sql } from '../../src-main/core/store/pg/connect';
import { migratePostgres } from '../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../src-main/core/store/pg/migrations';
import { usePostgres } from './postgres';
import { makeTempDir, removeDir } from './temp-dir';

// The two engines a store runs on, for conformance suites: one suite, the
// same assertions, `describe.each(engines.all)`. A test asks its engine for
// a fresh, migrated database, builds the engine's store on one of its
// connections (`onEngine`), and opens more connections to play a second
// replica (PostgreSQL) or a second process on the same file (SQLite).

export type EngineName = 'sqlite' | 'postgres';

/** One connection to a test's database: what a store of that engine is built on. */
export type Connection = { engine: 'sqlite'; db: Database } | { engine: 'postgres'; sql: Sql };

export interface EngineDatabase {
  readonly engine: EngineName;
  /** Seals secrets: one key for every connection, as every replica must hold the same one. */
  readonly box: SecretBox;
  /** The connection a test mainly uses. */
  readonly main: Connection;
  /** Another connection to the same database. */
  connect(): Connection;
  /** Raw SQL beneath the interfaces (what a column really holds), written with $1, $2… on both engines. */
  query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** A box with a key of its own: it cannot open what `box` sealed (a replica with the wrong key file). */
  otherBox(): SecretBox;
}

export interface Engine {
  readonly name: EngineName;
  /** A fresh, migrated database for the running test, closed and removed when it ends. */
  database(ctx: TestContext): Promise<EngineDatabase>;
}

/** Builds this engine's implementation of a store on a connection. */
export function onEngine<T>(
  connection: Connection,
  build: { sqlite: (db: Database) => T; postgres: (sql: Sql) => T },
): T {
  return connection.engine === 'sqlite' ? build.sqlite(connection.db) : build.postgres(connection.sql);
}

/**
 * Both engines. Registers the hooks that start PostgreSQL for this file, so
 * call it in the file's outermost describe. Without PostgreSQL (outside CI) the
 * postgres tests are skipped, as the harness documents.
 */
export function useEngines(): { sqlite: Engine; postgres: Engine; all: readonly Engine[] } {
  const pg = usePostgres();
  const sqlite: Engine = { name: 'sqlite', database: sqliteDatabase };
  const postgres: Engine = {
    name: 'postgres',
    async database(ctx) {
      const db = await pg.freshDatabase(ctx);
      const main = db.connect({ max: 4 });
      await migratePostgres(main, pgMigrations);
      return {
        engine: 'postgres',
        box: keyBox(ctx),
        main: { engine: 'postgres', sql: main },
        connect: () => ({ engine: 'postgres', sql: db.connect({ max: 4 }) }),
        query: (text, params = []) => main.unsafe(text, params as never[]),
        otherBox: () => keyBox(ctx),
      };
    },
  };
  return { sqlite, postgres, all: [sqlite, postgres] };
}

async function sqliteDatabase(ctx: TestContext): Promise<EngineDatabase> {
  const dataDir = makeTempDir('bwi-engine-');
  const connections: Database[] = [];
  ctx.onTestFinished(() => {
    for (const db of connections) db.close();
    removeDir(dataDir);
  });
  const open = (): Database => {
    const db = openDatabase({ dataDir, durability: 'normal' });
    connections.push(db);
    return db;
  };
  const db = open();
  return {
    engine: 'sqlite',
    box: keyFileBox(dataDir),
    main: { engine: 'sqlite', db },
    connect: () => ({ engine: 'sqlite', db: open() }),
    async query(text, params = []) {
      // $1 as the named parameter @p1, which better-sqlite3 binds from an object.
      const statement = db.prepare(text.replace(/\$(\d+)/g, '@p$1'));
      const named = Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]));
      const bound = params.length === 0 ? [] : [named];
      if (statement.reader) return statement.all(...bound) as Record<string, unknown>[];
      statement.run(...bound);
      return [];
    },
    otherBox: () => keyBox(ctx),
  };
}

function tempDir(ctx: TestContext): string {
  const dir = makeTempDir('bwi-engine-');
  ctx.onTestFinished(() => removeDir(dir));
  return dir;
}

const keyBox = (ctx: TestContext): SecretBox => keyFileBox(tempDir(ctx));

const BARE_DELIVERY: Record<EngineName, string> = {
  // Received at 0 ms: the next time-ordered key of that millisecond (core/deliveries/time-key.ts).
  sqlite: `INSERT INTO deliveries (received_at, inbox, method, path, query, headers, body, body_size,
             body_omitted, response_status, response_body, platform, kind, sort_key)
           VALUES (0, 'default', 'POST', '/webhook', '', '[]', $1, 2, 0, 200, '', 'telegram', 'message',
             (SELECT coalesce(max(sort_key) + 1, 0) FROM deliveries WHERE sort_key BETWEEN 0 AND 1048575))
           RETURNING id`,
  postgres: `INSERT INTO deliveries (received_at, inbox, method, path, query, headers, body, body_size,
               body_omitted, response_status, response_body, platform, kind, search)
             VALUES (now(), 'default', 'POST', '/webhook', '', '[]', $1, 2, false, 200, '', 'telegram', 'message', '')
             RETURNING id`,
};

/**
 * A bare delivery row for stores that point at one (replies, attempts),
 * written beneath the DeliveryStore so that their suites do not depend on
 * it. Returns its id.
 */
export async function insertBareDelivery(db: EngineDatabase): Promise<number> {
  const [row] = await db.query(BARE_DELIVERY[db.engine], [Buffer.from('{}')]);
  return Number(row?.id);
}
