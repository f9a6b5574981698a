import type { LinkDefaults } from '@contract';
import type { Database, Statement } from 'better-sqlite3';

/** A week: long enough for a link sent in a chat to be used, short enough that a leaked one stops working. */
export const DEFAULT_LINK_EXPIRY_S = 7 * 24 * 60 * 60;

/** The row of the settings table (both engines) that holds them. */
export const LINK_DEFAULTS_SETTING = 'links.defaults';

/** The expiry new signed links get unless told otherwise, kept in the store so every client sees one value. */
export interface LinkDefaultsStore {
  get(): Promise<LinkDefaults>;
  set(defaults: LinkDefaults): Promise<LinkDefaults>;
}

/** What is stored (nothing yet, or what an older version wrote), with the defaults filled in. */
export function linkDefaultsFrom(stored: Partial<LinkDefaults> | undefined): LinkDefaults {
  return { expiresIn: stored?.expiresIn === undefined ? DEFAULT_LINK_EXPIRY_S : stored.expiresIn };
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
    const row = this.read.get(LINK_DEFAULTS_SETTING);
    return linkDefaultsFrom(row ? (JSON.parse(row.value) as Partial<LinkDefaults>) : undefined);
  }

  async set(defaults: LinkDefaults): Promise<LinkDefaults> {
    this.write.run(LINK_DEFAULTS_SETTING, JSON.stringify(defaults));
    return this.get();
  }
}
