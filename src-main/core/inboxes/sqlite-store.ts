import type { Database, Statement } from 'better-sqlite3';
import type { InboxRow, InboxStore } from './store';

/**
 * Inboxes are created in the UI (or through `inboxes.create`), never by a
 * request: a typo in a webhook URL shows up as a 404 and an `unknown-inbox`
 * delivery instead of silently becoming a new inbox.
 */
export class SqliteInboxStore implements InboxStore {
  private readonly all: Statement<[], { name: string; created_at: number }>;
  private readonly insert: Statement<[string, number]>;
  private readonly remove: (name: string) => boolean;
  /** The receiver asks on every request; answer from memory. */
  private names = new Set<string>();

  constructor(db: Database) {
    this.all = db.prepare('SELECT name, created_at FROM inboxes ORDER BY name');
    // The key decides, not the names in memory: another connection to the file may have made it.
    this.insert = db.prepare(
      'INSERT INTO inboxes (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
    );
    const dropInbox = db.prepare('DELETE FROM inboxes WHERE name = ?');
    const dropSettings = db.prepare('DELETE FROM inbox_settings WHERE inbox = ?');
    this.remove = db.transaction((name: string) => {
      dropSettings.run(name);
      return dropInbox.run(name).changes > 0;
    });
    for (const row of this.all.all()) this.names.add(row.name);
  }

  // Synchronous: nothing can be created or deleted between the read and the swap.
  async reload(): Promise<void> {
    this.names = new Set(this.all.all().map((row) => row.name));
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  async list(): Promise<InboxRow[]> {
    return this.all.all().map((row) => ({ name: row.name, createdAt: row.created_at }));
  }

  /** Returns false when an inbox of that name already exists. */
  async create(name: string, now = Date.now()): Promise<boolean> {
    const created = this.insert.run(name, now).changes > 0;
    this.names.add(name);
    return created;
  }

  async delete(name: string): Promise<boolean> {
    const deleted = this.remove(name);
    this.names.delete(name);
    return deleted;
  }
}
