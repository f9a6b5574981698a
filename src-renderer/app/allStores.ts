import type { ApiClient } from '../api';
import { type AuditStore, createAuditStore } from '../features/audit/store';
import { type CaptureStore, createCaptureStore } from '../features/capture/store';
import { type CommandsStore, createCommandsStore } from '../features/commands/store';
import { type ComposeStore, createComposeStore } from '../features/compose/store';
import { createDeleteStore, type DeleteStore } from '../features/delete/store';
import { createDeliveriesStores } from '../features/deliveries/deliveriesStores';
import type { DeliveryDetailStore } from '../features/deliveries/detailStore';
import { createFollowStore, type FollowStore } from '../features/deliveries/follow';
import type { DeliveryListOptions, DeliveryListStore } from '../features/deliveries/listStore';
import type { DeliverySelectionStore } from '../features/deliveries/selectionStore';
import { createDesktopStore, type DesktopStore } from '../features/desktop/store';
import { createInboxesStore, type InboxesStore } from '../features/inboxes/store';
import { createLinksStore, type LinksStore } from '../features/links/store';
import { createLogsStore, type LogsStore } from '../features/logs/store';
import { createPeopleStore, type PeopleStore } from '../features/people/store';
import { createProfilesStore, type ProfilesStore } from '../features/profiles/store';
import { createReplayAttemptsStore, type ReplayAttemptsStore } from '../features/replay/attemptsStore';
import { createReplayStore, type ReplayStore } from '../features/replay/store';
import { createSandboxStore, type SandboxStore } from '../features/sandbox/store';
import { createSettingsStore, type SettingsStore } from '../features/settings/store';
import { createTransferStore, type TransferStore } from '../features/transfer/store';
import { createWebhookStore, type WebhookStore } from '../features/webhook/store';
import { type AppStore, createAppStore } from './appStore';
import { createNavigationStore, type NavigationStore } from './navigation';

export interface Stores {
  app: AppStore;
  navigation: NavigationStore;
  /** The live list of deliveries. */
  deliveries: DeliveryListStore;
  /** The open delivery's full detail. */
  deliveryDetail: DeliveryDetailStore;
  /** The open row and the ticked rows of the list. */
  selection: DeliverySelectionStore;
  /** Whether the live list follows the newest or holds still, and what nobody has seen yet. */
  follow: FollowStore;
  delete: DeleteStore;
  inboxes: InboxesStore;
  profiles: ProfilesStore;
  capture: CaptureStore;
  webhook: WebhookStore;
  compose: ComposeStore;
  logs: LogsStore;
  sandbox: SandboxStore;
  commands: CommandsStore;
  links: LinksStore;
  replay: ReplayStore;
  replayAttempts: ReplayAttemptsStore;
  transfer: TransferStore;
  settings: SettingsStore;
  people: PeopleStore;
  audit: AuditStore;
  desktop: DesktopStore;
}

export interface StoresOptions {
  /** Tests pass a manual frame scheduler. */
  deliveries?: Omit<DeliveryListOptions, 'onRemoved'>;
}

export function createStores(client: ApiClient, options: StoresOptions = {}): Stores {
  const deliveries = createDeliveriesStores(client, options.deliveries);
  return {
    app: createAppStore(client),
    navigation: createNavigationStore(),
    deliveries: deliveries.list,
    deliveryDetail: deliveries.detail,
    selection: deliveries.selection,
    follow: createFollowStore(deliveries.list),
    delete: createDeleteStore(client),
    inboxes: createInboxesStore(client),
    profiles: createProfilesStore(client),
    capture: createCaptureStore(client),
    webhook: createWebhookStore(client),
    compose: createComposeStore(client),
    logs: createLogsStore(client),
    sandbox: createSandboxStore(client),
    commands: createCommandsStore(client),
    links: createLinksStore(client),
    replay: createReplayStore(client),
    replayAttempts: createReplayAttemptsStore(client),
    transfer: createTransferStore(client),
    settings: createSettingsStore(client),
    people: createPeopleStore(client),
    audit: createAuditStore(client),
    desktop: createDesktopStore(client),
  };
}

/**
 * Starts every store once, outside React, so StrictMode's double effects cannot double-subscribe.
 * The panels' stores (webhook, logs, sandbox, commands, settings, people, audit) are not started here: they read only while
 * their panel is on screen, and their panels start and stop them. Replay and transfer follow their jobs'
 * progress events from the start (they also subscribe before starting a job); the Replays tab subscribes
 * while it is open.
 */
export function startStores(stores: Stores): void {
  stores.app.getState().start();
  stores.inboxes.getState().start();
  stores.deliveries.getState().start();
  stores.profiles.getState().start();
  stores.replay.getState().start();
  stores.transfer.getState().start();
}

/** Stops what startStores started: the workspace is being switched, and these stores' client let go. */
export function stopStores(stores: Stores): void {
  stores.app.getState().stop();
  stores.inboxes.getState().stop();
  stores.deliveries.getState().stop();
  stores.profiles.getState().stop();
  stores.replay.getState().stop();
  stores.transfer.getState().stop();
}
