import { type BotPlatform, type BotProfile, ContractError } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';

interface ProfileRow {
  id: number;
  name: string;
  platform: string;
  base_url: string;
  public_url: string;
  inbox: string;
  app_id: string | null;
  token: Buffer | null;
  jwt: Buffer | null;
  webhook_secret: Buffer | null;
  sandbox: number;
  created_at: number;
}

/** What core needs to call a platform: the profile with its secrets opened. */
export interface ProfileWithSecrets extends BotProfile {
  token: string | null;
  jwt: string | null;
  webhookSecret: string | null;
}

export interface ProfileFields {
  name: string;
  platform: BotPlatform;
  baseUrl: string;
  publicUrl: string;
  inbox: string;
  appId: string | null;
  /** undefined: keep; '' or null: remove. */
  token?: string | null | undefined;
  jwt?: string | null | undefined;
  webhookSecret?: string | null | undefined;
}

/** Bot profiles; tokens and JWTs are sealed by the SecretBox before they touch the disk. */
export class ProfileRepository {
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

  list(): BotProfile[] {
    return this.all.all().map(toProfile);
  }

  get(id: number): ProfileWithSecrets | null {
    const row = this.one.get(id);
    return row ? this.open(row) : null;
  }

  sandbox(): ProfileWithSecrets | null {
    const row = this.sandboxRow.get();
    return row ? this.open(row) : null;
  }

  create(fields: ProfileFields, options: { sandbox?: boolean } = {}, now = Date.now()): BotProfile {
    const result = this.insert.run({
      ...this.columns(fields, null),
      sandbox: options.sandbox ? 1 : 0,
      createdAt: now,
    });
    return toProfile(this.one.get(Number(result.lastInsertRowid)) as ProfileRow);
  }

  /** Returns null when there is no such profile. */
  save(id: number, fields: ProfileFields): BotProfile | null {
    const current = this.one.get(id);
    if (!current) return null;
    this.update.run({ id, ...this.columns(fields, current) });
    return toProfile(this.one.get(id) as ProfileRow);
  }

  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }

  private columns(fields: ProfileFields, current: ProfileRow | null) {
    const seal = (value: string | null | undefined, kept: Buffer | null) =>
      value === undefined ? kept : value === null || value === '' ? null : this.box.encrypt(value);
    return {
      name: fields.name,
      platform: fields.platform,
      baseUrl: fields.baseUrl,
      publicUrl: fields.publicUrl,
      inbox: fields.inbox,
      appId: fields.appId,
      token: seal(fields.token, current?.token ?? null),
      jwt: seal(fields.jwt, current?.jwt ?? null),
      webhookSecret: seal(fields.webhookSecret, current?.webhook_secret ?? null),
    };
  }

  private open(row: ProfileRow): ProfileWithSecrets {
    const unseal = (sealed: Buffer | null, what: string) => {
      if (!sealed) return null;
      try {
        return this.box.decrypt(sealed);
      } catch {
        throw new ContractError(
          'conflict',
          `The ${what} of profile "${row.name}" cannot be decrypted here (it was saved by the desktop app or with another key file): enter it again in Profiles.`,
        );
      }
    };
    return {
      ...toProfile(row),
      token: unseal(row.token, 'API token'),
      jwt: unseal(row.jwt, 'JWT'),
      webhookSecret: unseal(row.webhook_secret, 'webhook secret'),
    };
  }
}

function toProfile(row: ProfileRow): BotProfile {
  return {
    id: row.id,
    name: row.name,
    platform: row.platform as BotPlatform,
    baseUrl: row.base_url,
    publicUrl: row.public_url,
    inbox: row.inbox,
    appId: row.app_id,
    hasToken: row.token !== null,
    hasJwt: row.jwt !== null,
    hasWebhookSecret: row.webhook_secret !== null,
    sandbox: row.sandbox === 1,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
