import type { LinkDefaults } from '@contract';
import type { Database, Statement } from 'better-sqlite3';

/** A week: long enough for a link sent in a chat to be used, short enough that a leaked one stops working. */
export const DEFAULT_LINK_EXPIRY_S = 7 * 24 * 60 * 60;

const NAME = 'links.defaults';

/** The expiry new signed links get unless told otherwise, kept in the store so every client sees one value. */
export interface LinkDefaultsStore {
  get(): Promise<LinkDefaults>;
  set(defaults: LinkDefaults): Promise<LinkDefaults>;
}

/** Link defaults in SQLite's settings table. */
export class SqliteLinkDefaultsStore implements LinkDefaultsStore {
  private readonly read: Statement<[string], { value: string }>;
  private readonly write: Statement<[string, string]>;

  constructor(db: Database) {
    this.read = db.prepare('SELECT value FROM settings WHERE name = ?');
    this.write = db.prepare(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
  }

  async get(): Promise<LinkDefaults> {
    const row = this.read.get(NAME);
    if (!row) return { expiresIn: DEFAULT_LINK_EXPIRY_S };
    const stored = JSON.parse(row.value) as Partial<LinkDefaults>;
    return { expiresIn: stored.expiresIn === undefined ? DEFAULT_LINK_EXPIRY_S : stored.expiresIn };
  }

  async set(defaults: LinkDefaults): Promise<LinkDefaults> {
    this.write.run(NAME, JSON.stringify(defaults));
    return this.get();
  }
}
