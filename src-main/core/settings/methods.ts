import { ContractError, type Service } from '@contract';
import type { DeliveryStore } from '../deliveries/store';
import { pointsAtReceiver } from '../forwarding/own-receiver';
import type { InboxStore } from '../inboxes/store';
import { storageInfo } from '../store/storage-info';
import type { RetentionCounter } from './retention-count';
import type { InboxSettingsStore } from './store';

type SettingsMethods = Pick<
  Service,
  'inboxes.settings' | 'inboxes.configure' | 'inboxes.retentionCount' | 'app.storage'
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Per-inbox forwarding, rules and retention, and the database's size. */
export function settingsMethods(deps: {
  inboxes: InboxStore;
  settings: InboxSettingsStore;
  deliveries: DeliveryStore;
  retention: { runNow(): Promise<void> };
  retentionCount: RetentionCounter;
  dataDir: string;
  /** A team database's size; null: the SQLite file in the data dir. */
  size: () => Promise<{ databaseBytes: number; walBytes: number } | null>;
  /** Exports and uploads: they take room on disk too. */
  transfers: { usage(): { exportsBytes: number; uploadsBytes: number }; readonly quotaBytes: number };
  /** Where our own receiver listens, and a team server's public origin: forwarding there would loop. */
  receiver: { host: string; port: number; publicUrl?: string | null };
  /** The bot profiles an inbox's secret check may name. */
  profiles: { get(id: number): Promise<unknown> };
}): SettingsMethods {
  return {
    'inboxes.settings': ({ inbox }) => deps.settings.get(inbox),
    'inboxes.configure': async ({ inbox, ...change }) => {
      if (!deps.inboxes.has(inbox))
        throw new ContractError('not-found', `There is no inbox named "${inbox}".`);
      if (change.forwarding && pointsAtReceiver(change.forwarding.url, deps.receiver)) {
        throw new ContractError(
          'bad-input',
          `Forwarding to ${change.forwarding.url} would send every delivery back to this inspector's own receiver, which would forward it again. Forward to your bot instead.`,
        );
      }
      if (change.secretCheck && (await deps.profiles.get(change.secretCheck.profileId)) === null) {
        throw new ContractError(
          'bad-input',
          `There is no bot profile ${change.secretCheck.profileId} whose webhook secret this inbox could check.`,
        );
      }
      const saved = await deps.settings.configure(inbox, change);
      if (change.retention) await deps.retention.runNow();
      return saved;
    },
    'inboxes.retentionCount': async ({ inbox, retention }) => {
      if (!deps.inboxes.has(inbox))
        throw new ContractError('not-found', `There is no inbox named "${inbox}".`);
      const { keepCount, keepDays } = retention;
      if (keepCount === null && keepDays === null) return { count: 0 };
      const olderThan = keepDays === null ? null : Date.now() - keepDays * DAY_MS;
      return { count: await deps.retentionCount.count(inbox, keepCount, olderThan) };
    },
    'app.storage': async () => ({
      ...storageInfo(deps.dataDir, await deps.deliveries.count()),
      ...(await deps.size()),
      ...deps.transfers.usage(),
      transferQuotaBytes: deps.transfers.quotaBytes,
    }),
  };
}
