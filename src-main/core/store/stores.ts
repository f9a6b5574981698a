import type { Database } from 'better-sqlite3';
import { SqliteCommandStore } from '../commands/sqlite-store';
import type { CommandStore } from '../commands/store';
import { SqliteReplyStore } from '../compose/sqlite-store';
import type { ReplyStore } from '../compose/store';
import { SqliteDeliveryStore } from '../deliveries/sqlite-store';
import type { SqliteWriter } from '../deliveries/sqlite-writer';
import type { DeliveryStore } from '../deliveries/store';
import { SqliteInboxStore } from '../inboxes/sqlite-store';
import type { InboxStore } from '../inboxes/store';
import { type LinkDefaultsStore, SqliteLinkDefaultsStore } from '../links/link-defaults';
import { SqliteProfileStore } from '../profiles/sqlite-store';
import type { ProfileStore } from '../profiles/store';
import { SqliteAttemptStore } from '../replay/sqlite-store';
import { SqliteReplayTargetStore } from '../replay/sqlite-target-store';
import type { AttemptStore } from '../replay/store';
import type { ReplayTargetStore } from '../replay/target-store';
import type { SecretBox } from '../secrets/secret-box';
import { type RetentionCounter, SqliteRetentionCounter } from '../settings/retention-count';
import { SqliteInboxSettingsStore } from '../settings/sqlite-settings-store';
import type { InboxSettingsStore } from '../settings/store';
import type { KeyStore } from '../signer/key-store';
import { SqliteKeyStore } from '../signer/sqlite-key-store';

/**
 * Everything the inspector keeps that a team shares: one store per feature,
 * all on the same engine. Core is written against these interfaces only.
 */
export interface Stores {
  engine: 'sqlite' | 'postgres';
  deliveries: DeliveryStore;
  inboxes: InboxStore;
  inboxSettings: InboxSettingsStore;
  retentionCount: RetentionCounter;
  profiles: ProfileStore;
  keys: KeyStore;
  commands: CommandStore;
  replies: ReplyStore;
  attempts: AttemptStore;
  replayTargets: ReplayTargetStore;
  linkDefaults: LinkDefaultsStore;
}

/** The embedded default: one SQLite file for one person. */
export function sqliteStores(db: Database, box: SecretBox, writer: SqliteWriter | null = null): Stores {
  return {
    engine: 'sqlite',
    deliveries: new SqliteDeliveryStore(db, writer),
    inboxes: new SqliteInboxStore(db),
    inboxSettings: new SqliteInboxSettingsStore(db),
    retentionCount: new SqliteRetentionCounter(db),
    profiles: new SqliteProfileStore(db, box),
    keys: new SqliteKeyStore(db, box),
    commands: new SqliteCommandStore(db),
    replies: new SqliteReplyStore(db),
    attempts: new SqliteAttemptStore(db),
    replayTargets: new SqliteReplayTargetStore(db),
    linkDefaults: new SqliteLinkDefaultsStore(db),
  };
}
