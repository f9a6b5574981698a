import { type BotPlatform, type BotProfile, ContractError } from '@contract';
import type { SecretBox } from '../secrets/secret-box';
import type { ProfileFields, ProfileWithSecrets } from './store';

/** A profile as both engines store it: secrets as sealed bytes. */
export interface ProfileRow {
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
  /** 0/1 in SQLite, boolean in PostgreSQL. */
  sandbox: number | boolean;
  /** ms since the epoch in SQLite, timestamptz (a Date) in PostgreSQL. */
  created_at: number | Date;
}

/** The columns to write for `fields`, sealing what changed and keeping what `current` holds. */
export function profileColumns(box: SecretBox, fields: ProfileFields, current: ProfileRow | null) {
  const seal = (value: string | null | undefined, kept: Buffer | null) =>
    value === undefined ? kept : value === null || value === '' ? null : box.encrypt(value);
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

export function openProfile(box: SecretBox, row: ProfileRow): ProfileWithSecrets {
  const unseal = (sealed: Buffer | null, what: string) => {
    if (!sealed) return null;
    try {
      return box.decrypt(sealed);
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

export function toProfile(row: ProfileRow): BotProfile {
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
    sandbox: row.sandbox === 1 || row.sandbox === true,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
