import type { LinkDefaults } from '@contract';
import { notifyChange } from '../store/pg/changes';
import type { Sql } from '../store/pg/connect';
import { LINK_DEFAULTS_SETTING, type LinkDefaultsStore, linkDefaultsFrom } from './link-defaults';

/**
 * Link defaults in PostgreSQL's settings table, one value for every
 * replica. Nothing is cached, so there is nothing to reload; the notice
 * ('settings') is for the UI clients of other replicas, which show it.
 */
export class PgLinkDefaultsStore implements LinkDefaultsStore {
  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
  ) {}

  async get(): Promise<LinkDefaults> {
    const [row] = await this.sql<{ value: Partial<LinkDefaults> }[]>`
      SELECT value FROM settings WHERE name = ${LINK_DEFAULTS_SETTING}`;
    return linkDefaultsFrom(row?.value);
  }

  async set(defaults: LinkDefaults): Promise<LinkDefaults> {
    await this.sql.begin(async (tx) => {
      await tx`
        INSERT INTO settings (name, value) VALUES (${LINK_DEFAULTS_SETTING}, ${this.sql.json(defaults)})
        ON CONFLICT (name) DO UPDATE SET value = excluded.value`;
      await notifyChange(tx, this.origin, 'settings');
    });
    return this.get();
  }
}
