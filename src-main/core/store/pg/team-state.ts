import { PgDeliveryStore } from '../../deliveries/pg-store';
import { describeError } from '../../describe-error';
import type { EventHub } from '../../events';
import type { SecretBox } from '../../secrets/secret-box';
import type { StoreHealth } from '../health';
import type { SharedState } from '../shared-state';
import { closePostgres, connectPostgres, redactUrl, type Sql } from './connect';
import { migratePostgres } from './migrate';
import { pgMigrations } from './migrations';
import { ChangeRelay } from './relay';
import { pgStores } from './stores';
import { unreachableReason } from './unreachable';

/** How often an idle replica checks the database is there, so the UI hears of an outage without traffic. */
const PROBE_MS = 2000;

export interface TeamStateOptions {
  url: string;
  /** This replica: it names its notices and its leases. */
  origin: string;
  box: SecretBox;
  events: EventHub;
  health: StoreHealth;
  log: (message: string) => void;
}

export interface TeamState extends SharedState {
  /** The pool, for the replica's own queues (tap forwarding) and its people. */
  sql: Sql;
  /** Someone was revoked on another replica (or a notice may have been missed): check open sessions. */
  onPeopleChanged(listener: () => void): () => void;
}

/**
 * A team server's shared state: PostgreSQL, migrated on start (every
 * replica may start at once), with the relay of other replicas' changes and
 * a probe that tells the UI when the database goes away and comes back.
 */
export async function openTeamState(options: TeamStateOptions): Promise<TeamState> {
  const { origin, box, events, health, log } = options;
  const sql = connectPostgres(options.url, { applicationName: `bot-webhook-inspector ${origin}` });
  let relay: ChangeRelay | null = null;
  try {
    await migratePostgres(sql, pgMigrations);
    const stores = await pgStores(sql, origin, box, new PgDeliveryStore(sql, origin));
    relay = new ChangeRelay({ sql, origin, stores, events, log });
    await relay.start();
    const started = relay;
    const probe = setInterval(() => {
      sql`SELECT 1`.then(
        () => health.recovered(),
        (error: unknown) => {
          const reason = unreachableReason(error);
          if (reason !== null) health.failed(reason);
        },
      );
    }, PROBE_MS);
    probe.unref();
    return {
      sql,
      stores,
      health,
      onPeopleChanged: (listener) => started.onPeopleChanged(listener),
      exclusive: (name, chore) => exclusive(sql, name, chore),
      committed: (items) => started.committed(items),
      unreachable: unreachableReason,
      size: async () => {
        const [row] = await sql<{ n: number }[]>`SELECT pg_database_size(current_database()) AS n`;
        // The server's WAL is shared by every database on it: not this inspector's to count.
        return { databaseBytes: row?.n ?? 0, walBytes: 0 };
      },
      close: async () => {
        clearInterval(probe);
        await started.stop();
        await closePostgres(sql);
      },
    };
  } catch (error) {
    await relay?.stop();
    await closePostgres(sql, { timeoutSeconds: 1 });
    const where = redactUrl(new URL(options.url));
    throw new Error(`The team database at ${where} could not be opened: ${describeError(error)}`);
  }
}

/**
 * A chore one replica does at a time: a session advisory lock on a
 * connection of its own, held while the chore runs on the pool, and given
 * back however the chore ends. The lock goes with the session if the
 * replica dies, so another one takes over.
 */
async function exclusive(sql: Sql, name: string, chore: () => Promise<void>): Promise<boolean> {
  const conn = await sql.reserve();
  try {
    const [row] = await conn<
      { ok: boolean }[]
    >`SELECT pg_try_advisory_lock(hashtext(${`bwi:${name}`})) AS ok`;
    if (!row?.ok) return false;
    try {
      await chore();
      return true;
    } finally {
      await conn`SELECT pg_advisory_unlock(hashtext(${`bwi:${name}`}))`.catch(() => undefined);
    }
  } finally {
    conn.release();
  }
}
