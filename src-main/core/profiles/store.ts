import type { BotPlatform, BotProfile } from '@contract';

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

/** Bot profiles, their secrets sealed at rest; on SQLite or PostgreSQL. */
export interface ProfileStore {
  list(): Promise<BotProfile[]>;
  get(id: number): Promise<ProfileWithSecrets | null>;
  /** The sandbox bot's profile, the one `sandbox` marks. */
  sandbox(): Promise<ProfileWithSecrets | null>;
  create(fields: ProfileFields, options?: { sandbox?: boolean }): Promise<BotProfile>;
  /** Null when there is no such profile. */
  save(id: number, fields: ProfileFields): Promise<BotProfile | null>;
  delete(id: number): Promise<boolean>;
}
