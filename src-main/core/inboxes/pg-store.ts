import { notifyChange } from '../store/pg/changes';
import type { Sql } from '../store/pg/connect';
import type { InboxRow, InboxStore } from './store';

/**
 * Inboxes in PostgreSQL, shared by every replica. Names are kept in memory
 * for `has`, which the receiver asks on every request: construct with
 * `open`, which loads them, and `reload` when another replica says it made one.
 */
export class PgInboxStore implements InboxStore {
  private names = new Set<string>();
  /** Names created or deleted here while a reload's read ran: the read may predate them. */
  private readonly changedDuringReload = new Map<string, boolean>();
  private reloading = 0;

  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
  ) {}

  static async open(sql: Sql, origin: string): Promise<PgInboxStore> {
    const store = new PgInboxStore(sql, origin);
    await store.reload();
    return store;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  // Byte order (COLLATE "C"), as SQLite sorts, whatever the database's locale.
  async list(): Promise<InboxRow[]> {
    const rows = await this.sql<{ name: string; created_at: Date }[]>`
      SELECT name, created_at FROM inboxes ORDER BY name COLLATE "C"`;
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at.getTime() }));
  }

  // What is read replaces what is known, but for names created or deleted
  // here while the read ran: the read may have started before their commit.
  async reload(): Promise<void> {
    this.reloading += 1;
    try {
      const rows = await this.sql<{ name: string }[]>`SELECT name FROM inboxes`;
      const names = new Set(rows.map((row) => row.name));
      for (const [name, exists] of this.changedDuringReload) {
        if (exists) names.add(name);
        else names.delete(name);
      }
      this.names = names;
    } finally {
      this.reloading -= 1;
      if (this.reloading === 0) this.changedDuringReload.clear();
    }
  }

  private known(name: string, exists: boolean): void {
    if (exists) this.names.add(name);
    else this.names.delete(name);
    if (this.reloading > 0) this.changedDuringReload.set(name, exists);
  }

  /** The settings go in the same transaction; both notices reach the other replicas once it commits. */
  async delete(name: string): Promise<boolean> {
    const deleted = await this.sql.begin(async (tx) => {
      await tx`DELETE FROM inbox_settings WHERE inbox = ${name}`;
      const rows = await tx`DELETE FROM inboxes WHERE name = ${name} RETURNING name`;
      if (rows.length > 0) {
        await notifyChange(tx, this.origin, 'inboxes');
        await notifyChange(tx, this.origin, 'settings');
      }
      return rows.length > 0;
    });
    this.known(name, false);
    return deleted;
  }

  /**
   * False when an inbox of that name exists. The primary key decides: when
   * two replicas create one name at once, the second insert waits for the
   * first transaction and then does nothing.
   */
  async create(name: string): Promise<boolean> {
    const created = await this.sql.begin(async (tx) => {
      const rows =
        await tx`INSERT INTO inboxes (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING RETURNING name`;
      if (rows.length > 0) await notifyChange(tx, this.origin, 'inboxes');
      return rows.length > 0;
    });
    // Made here or by another replica: either way it exists now.
    this.known(name, true);
    return created;
  }
}
