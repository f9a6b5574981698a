import type { BotProfile } from '@contract';
import type { SecretBox } from '../secrets/secret-box';
import { notifyChange } from '../store/pg/changes';
import type { Sql } from '../store/pg/connect';
import { pgText, pgTextOrNull } from '../store/pg/text-value';
import { openProfile, type ProfileRow, profileColumns, toProfile } from './rows';
import type { ProfileFields, ProfileStore, ProfileWithSecrets } from './store';

/**
 * Bot profiles in PostgreSQL, shared by every replica; secrets sealed by
 * the SecretBox before they leave the process (every replica holds the
 * same key). Writes say so on the change channel.
 */
export class PgProfileStore implements ProfileStore {
  constructor(
    private readonly sql: Sql,
    private readonly origin: string,
    private readonly box: SecretBox,
  ) {}

  // The sandbox bot first, then byte order of names (COLLATE "C"), as SQLite sorts.
  async list(): Promise<BotProfile[]> {
    const rows = await this.sql<ProfileRow[]>`
      SELECT * FROM bot_profiles ORDER BY sandbox DESC, name COLLATE "C", id`;
    return rows.map(toProfile);
  }

  async get(id: number): Promise<ProfileWithSecrets | null> {
    const [row] = await this.sql<ProfileRow[]>`SELECT * FROM bot_profiles WHERE id = ${id}`;
    return row ? openProfile(this.box, row) : null;
  }

  async sandbox(): Promise<ProfileWithSecrets | null> {
    const [row] = await this.sql<ProfileRow[]>`SELECT * FROM bot_profiles WHERE sandbox`;
    return row ? openProfile(this.box, row) : null;
  }

  /** A second sandbox profile is refused by the database (bot_profiles_one_sandbox). */
  async create(fields: ProfileFields, options: { sandbox?: boolean } = {}): Promise<BotProfile> {
    const c = profileColumns(this.box, fields, null);
    return this.sql.begin(async (tx) => {
      const [row] = await tx<ProfileRow[]>`
        INSERT INTO bot_profiles (name, platform, base_url, public_url, inbox, app_id, token, jwt, webhook_secret, sandbox)
        VALUES (${pgText(c.name)}, ${c.platform}, ${pgText(c.baseUrl)}, ${pgText(c.publicUrl)}, ${pgText(c.inbox)},
                ${pgTextOrNull(c.appId)}, ${c.token}, ${c.jwt}, ${c.webhookSecret}, ${options.sandbox === true})
        RETURNING *`;
      await notifyChange(tx, this.origin, 'profiles');
      return toProfile(row as ProfileRow);
    });
  }

  /**
   * Null when there is no such profile. The row is locked while the secrets
   * to keep are read from it: two replicas saving at once, each changing
   * one secret, keep both changes.
   */
  async save(id: number, fields: ProfileFields): Promise<BotProfile | null> {
    return this.sql.begin(async (tx) => {
      const [current] = await tx<ProfileRow[]>`SELECT * FROM bot_profiles WHERE id = ${id} FOR UPDATE`;
      if (!current) return null;
      const c = profileColumns(this.box, fields, current);
      const [row] = await tx<ProfileRow[]>`
        UPDATE bot_profiles SET name = ${pgText(c.name)}, platform = ${c.platform}, base_url = ${pgText(c.baseUrl)},
          public_url = ${pgText(c.publicUrl)}, inbox = ${pgText(c.inbox)}, app_id = ${pgTextOrNull(c.appId)},
          token = ${c.token}, jwt = ${c.jwt}, webhook_secret = ${c.webhookSecret}
        WHERE id = ${id}
        RETURNING *`;
      await notifyChange(tx, this.origin, 'profiles');
      return toProfile(row as ProfileRow);
    });
  }

  async delete(id: number): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      const rows = await tx`DELETE FROM bot_profiles WHERE id = ${id} RETURNING id`;
      if (rows.length > 0) await notifyChange(tx, this.origin, 'profiles');
      return rows.length > 0;
    });
  }
}
