import type { Database } from 'better-sqlite3';
import type { TestContext } from 'vitest';
import { PgDeliveryStore } from '../../../src-main/core/deliveries/pg-store';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import type { DeliveryStore } from '../../../src-main/core/deliveries/store';
import { openDatabase } from '../../../src-main/core/store/open-database';
import { migratePostgres } from '../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../src-main/core/store/pg/migrations';
import { type TestDatabase, usePostgres } from '../../support/postgres';
import { makeTempDir, removeDir } from '../../support/temp-dir';

// The delivery store's engines, for conformance suites that run the same
// assertions against each:
//   describe('DeliveryStore', () => { describe.each(useDeliveryEngines())('on $name', (engine) => …) })

export type EngineName = 'sqlite' | 'postgres';

export interface OpenedStore {
  store: DeliveryStore;
  /** Another store on the same data: the app restarted, or on PostgreSQL another replica. */
  reopen(): DeliveryStore;
}

export interface DeliveryEngine {
  name: EngineName;
  /**
   * A store on an empty database of its own, removed when the test ends.
   * Skips the test where the engine is missing (PostgreSQL outside CI).
   */
  open(ctx: TestContext): Promise<OpenedStore>;
  /**
   * A store for a whole suite, opened in beforeAll, for data costly to set
   * up per test; `close` it in afterAll. Null where the engine is missing:
   * the suite's tests skip then.
   */
  openForSuite(): Promise<(OpenedStore & { close(): Promise<void> }) | null>;
}

/** Registers PostgreSQL's per-file hooks: call it where a file's suites are declared. */
export function useDeliveryEngines(): DeliveryEngine[] {
  const pg = usePostgres();
  return [
    {
      name: 'sqlite',
      async open(ctx) {
        const opened = openSqlite();
        ctx.onTestFinished(opened.close);
        return opened;
      },
      async openForSuite() {
        return openSqlite();
      },
    },
    {
      name: 'postgres',
      async open(ctx) {
        return openPostgres(await pg.freshDatabase(ctx));
      },
      async openForSuite() {
        const db = await pg.suiteDatabase();
        return db && { ...(await openPostgres(db)), close: db.drop };
      },
    },
  ];
}

function openSqlite(): OpenedStore & { close(): Promise<void> } {
  const dataDir = makeTempDir('bwi-deliveries-');
  const handles: Database[] = [];
  const open = () => {
    const db = openDatabase({ dataDir, durability: 'normal' });
    handles.push(db);
    return new SqliteDeliveryStore(db);
  };
  return {
    store: open(),
    reopen: open,
    async close() {
      for (const db of handles) db.close();
      removeDir(dataDir);
    },
  };
}

async function openPostgres(db: TestDatabase): Promise<OpenedStore> {
  const sql = db.connect();
  await migratePostgres(sql, pgMigrations);
  let replicas = 1;
  return {
    store: new PgDeliveryStore(sql, 'replica-1'),
    // Its own pool, as another replica has: the harness closes it with the database.
    reopen: () => new PgDeliveryStore(db.connect(), `replica-${++replicas}`),
  };
}
