import type { DeliveryListItem } from '@contract';
import type { Database } from 'better-sqlite3';
import type { SqliteWriter } from '../deliveries/sqlite-writer';
import type { SecretBox } from '../secrets/secret-box';
import type { StoreHealth } from './health';
import { type Stores, sqliteStores } from './stores';

/**
 * Where a team's shared state lives, and what comes with it: one SQLite file
 * for one person, or a PostgreSQL database for many replicas (which also
 * relays other replicas' changes and elects one of them for shared chores).
 */
export interface SharedState {
  stores: Stores;
  health: StoreHealth;
  /**
   * Runs a chore on one replica at a time (retention). Resolves false,
   * without running it, when another replica is doing it now.
   */
  exclusive(name: string, chore: () => Promise<void>): Promise<boolean>;
  /** Deliveries this replica just committed and pushed to its own UI clients. */
  committed(items: readonly DeliveryListItem[]): void;
  /**
   * Why this error means the store cannot be reached (so the caller answers
   * 503 and waits for it to come back), or null for any other failure.
   */
  unreachable(error: unknown): string | null;
  /** The shared store's size on disk; null: the SQLite file in the data dir, measured there. */
  size(): Promise<{ databaseBytes: number; walBytes: number } | null>;
  close(): Promise<void>;
}

/** The embedded default: the SQLite file in the data dir, for this process alone. */
export function localSharedState(
  db: Database,
  box: SecretBox,
  health: StoreHealth,
  writer: SqliteWriter | null = null,
): SharedState {
  return {
    stores: sqliteStores(db, box, writer),
    health,
    exclusive: async (_name, chore) => {
      await chore();
      return true;
    },
    committed: () => undefined,
    // A local file is not "away": its failures (a full disk) are errors like any other.
    unreachable: () => null,
    size: async () => null,
    // The file itself is closed with the sandbox's, by whoever opened it; the writer thread goes now.
    close: async () => {
      await writer?.close();
    },
  };
}
