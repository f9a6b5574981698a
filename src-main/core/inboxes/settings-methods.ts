import { ContractError, type Service } from '@contract';
import type { DeliveryRepository } from '../deliveries/repository';
import { storageInfo } from '../store/storage-info';
import type { InboxRepository } from './repository';
import type { InboxSettingsRepository } from './settings';

type SettingsMethods = Pick<Service, 'inboxes.settings' | 'inboxes.configure' | 'app.storage'>;

/** Per-inbox forwarding, rules and retention, and the database's size. */
export function settingsMethods(deps: {
  inboxes: InboxRepository;
  settings: InboxSettingsRepository;
  deliveries: DeliveryRepository;
  retention: { runNow(): void };
  dataDir: string;
  /** Exports and uploads: they take room on disk too. */
  transfers: { usage(): { exportsBytes: number; uploadsBytes: number }; readonly quotaBytes: number };
}): SettingsMethods {
  return {
    'inboxes.settings': ({ inbox }) => deps.settings.get(inbox),
    'inboxes.configure': ({ inbox, ...change }) => {
      if (!deps.inboxes.has(inbox))
        throw new ContractError('not-found', `There is no inbox named "${inbox}".`);
      const saved = deps.settings.configure(inbox, change);
      if (change.retention) deps.retention.runNow();
      return saved;
    },
    'app.storage': () => ({
      ...storageInfo(deps.dataDir, deps.deliveries.count()),
      ...deps.transfers.usage(),
      transferQuotaBytes: deps.transfers.quotaBytes,
    }),
  };
}
