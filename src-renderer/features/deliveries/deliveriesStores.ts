import type { DataClient } from '../../api';
import { createDeliveryDetailStore, type DeliveryDetailStore } from './detailStore';
import { createDeliveryListStore, type DeliveryListOptions, type DeliveryListStore } from './listStore';
import { createDeliverySelectionStore, type DeliverySelectionStore } from './selectionStore';

/** The deliveries feature's three stores: each changes for its own reasons, and renders only its readers. */
export interface DeliveriesStores {
  /** The live list: pages, live arrivals, the filter. */
  list: DeliveryListStore;
  /** The open row's full delivery, through a cache. */
  detail: DeliveryDetailStore;
  /** The open row and the ticked rows. */
  selection: DeliverySelectionStore;
}

export function createDeliveriesStores(
  client: DataClient,
  options: Omit<DeliveryListOptions, 'onRemoved'> = {},
): DeliveriesStores {
  const detail = createDeliveryDetailStore(client);
  let selection: DeliverySelectionStore | null = null;
  const list = createDeliveryListStore(client, {
    ...options,
    onRemoved: (ids) => {
      detail.getState().forget(ids);
      selection?.getState().forget(ids);
    },
  });
  selection = createDeliverySelectionStore(list.getState().rows, detail);
  // A bulk action must act on rows the user can see: ticks under another filter are dropped.
  list.subscribe((state, previous) => {
    if (state.filter !== previous.filter) selection?.getState().clearTicked();
  });
  return { list, detail, selection };
}
