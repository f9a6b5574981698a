import type { ApiClient } from '../api';
import { createDeliveriesStore, type DeliveriesStore } from '../features/deliveries/store';
import { createInboxesStore, type InboxesStore } from '../features/inboxes/store';
import { type AppStore, createAppStore } from './store';

export interface Stores {
  app: AppStore;
  deliveries: DeliveriesStore;
  inboxes: InboxesStore;
}

export function createStores(client: ApiClient): Stores {
  return {
    app: createAppStore(client),
    deliveries: createDeliveriesStore(client),
    inboxes: createInboxesStore(client),
  };
}

/** Starts every store once, outside React, so StrictMode's double effects cannot double-subscribe. */
export function startStores(stores: Stores): void {
  stores.app.getState().start();
  stores.inboxes.getState().start();
  stores.deliveries.getState().start();
}
