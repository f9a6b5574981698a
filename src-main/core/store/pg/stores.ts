import { PgCommandStore } from '../../commands/pg-store';
import { PgReplyStore } from '../../compose/pg-store';
import type { DeliveryStore } from '../../deliveries/store';
import { PgInboxStore } from '../../inboxes/pg-store';
import { PgLinkDefaultsStore } from '../../links/pg-link-defaults';
import { PgProfileStore } from '../../profiles/pg-store';
import { PgAttemptStore } from '../../replay/pg-store';
import { PgReplayTargetStore } from '../../replay/pg-target-store';
import type { SecretBox } from '../../secrets/secret-box';
import { PgInboxSettingsStore } from '../../settings/pg-settings-store';
import { PgRetentionCounter } from '../../settings/retention-count';
import { PgKeyStore } from '../../signer/pg-key-store';
import type { Stores } from '../stores';
import type { Sql } from './connect';

/**
 * The team server: every store on one PostgreSQL database that many
 * replicas share. `origin` names this replica in the change notices it
 * sends; `box` must hold the same key on every replica. Resolves once the
 * stores answered from memory (inboxes, their settings) are loaded.
 */
export async function pgStores(
  sql: Sql,
  origin: string,
  box: SecretBox,
  deliveries: DeliveryStore,
): Promise<Stores> {
  const [inboxes, inboxSettings] = await Promise.all([
    PgInboxStore.open(sql, origin),
    PgInboxSettingsStore.open(sql, origin),
  ]);
  return {
    engine: 'postgres',
    deliveries,
    inboxes,
    inboxSettings,
    retentionCount: new PgRetentionCounter(sql),
    profiles: new PgProfileStore(sql, origin, box),
    keys: new PgKeyStore(sql, box),
    commands: new PgCommandStore(sql, origin),
    replies: new PgReplyStore(sql),
    attempts: new PgAttemptStore(sql),
    replayTargets: new PgReplayTargetStore(sql),
    linkDefaults: new PgLinkDefaultsStore(sql, origin),
  };
}
