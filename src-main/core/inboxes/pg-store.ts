import { notifyChange } from '../store/pg/changes';
import type { Sql } from '../store/pg/connect';
import type { InboxRow, InboxStore } from './store';

/**
 * Inboxes in PostgreSQL, shared by every replica. Names are kept in memory
 * for `has`, which the receiver asks on every request: construct with
 * `open`, which loads them, and `reload` when another replica says it made one.
 */
export class PgInboxStore implements InboxStore {
  private readonly names = new Set<string>();

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

  // Inboxes are never deleted, so what is read only adds to what is known
  // (and a name created here while the read ran is not dropped).
  async reload(): Promise<void> {
    const rows = await this.sql<{ name: string }[]>`SELECT name FROM inboxes`;
    for (const row of rows) this.names.add(row.name);
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
    this.names.add(name);
    return created;
  }
}
