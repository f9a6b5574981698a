import type { BotProfile } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import { openProfile, type ProfileRow, profileColumns, toProfile } from './rows';
import type { ProfileFields, ProfileStore, ProfileWithSecrets } from './store';

/** Bot profiles in SQLite. */
export class SqliteProfileStore implements ProfileStore {
  private readonly all: Statement<[], ProfileRow>;
  private readonly one: Statement<[number], ProfileRow>;
  private readonly sandboxRow: Statement<[], ProfileRow>;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly remove: Statement<[number]>;

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.all = db.prepare('SELECT * FROM bot_profiles ORDER BY sandbox DESC, name, id');
    this.one = db.prepare('SELECT * FROM bot_profiles WHERE id = ?');
    this.sandboxRow = db.prepare('SELECT * FROM bot_profiles WHERE sandbox = 1');
    this.insert = db.prepare(
      `INSERT INTO bot_profiles (name, platform, base_url, public_url, inbox, app_id, token, jwt, webhook_secret, sandbox, created_at)
       VALUES (@name, @platform, @baseUrl, @publicUrl, @inbox, @appId, @token, @jwt, @webhookSecret, @sandbox, @createdAt)`,
    );
    this.update = db.prepare(
      `UPDATE bot_profiles SET name = @name, platform = @platform, base_url = @baseUrl, public_url = @publicUrl,
         inbox = @inbox, app_id = @appId, token = @token, jwt = @jwt, webhook_secret = @webhookSecret WHERE id = @id`,
    );
    this.remove = db.prepare('DELETE FROM bot_profiles WHERE id = ?');
  }

  async list(): Promise<BotProfile[]> {
    return this.all.all().map(toProfile);
  }

  async get(id: number): Promise<ProfileWithSecrets | null> {
    const row = this.one.get(id);
    return row ? openProfile(this.box, row) : null;
  }

  async sandbox(): Promise<ProfileWithSecrets | null> {
    const row = this.sandboxRow.get();
    return row ? openProfile(this.box, row) : null;
  }

  async create(
    fields: ProfileFields,
    options: { sandbox?: boolean } = {},
    now = Date.now(),
  ): Promise<BotProfile> {
    const result = this.insert.run({
      ...profileColumns(this.box, fields, null),
      sandbox: options.sandbox ? 1 : 0,
      createdAt: now,
    });
    return toProfile(this.one.get(Number(result.lastInsertRowid)) as ProfileRow);
  }

  /** Returns null when there is no such profile. */
  async save(id: number, fields: ProfileFields): Promise<BotProfile | null> {
    const current = this.one.get(id);
    if (!current) return null;
    this.update.run({ id, ...profileColumns(this.box, fields, current) });
    return toProfile(this.one.get(id) as ProfileRow);
  }

  async delete(id: number): Promise<boolean> {
    return this.remove.run(id).changes > 0;
  }
}
