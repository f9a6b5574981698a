import { type ReactNode, useMemo } from 'react';
import { createStoreContext, provide, StoresProvider } from '../../shared/storeContext';
import type { DeliveriesStores } from './deliveriesStores';
import type { DeliveryDetailState } from './detailStore';
import type { DeliveryListState } from './listStore';
import type { DeliverySelectionState } from './selectionStore';

const list = createStoreContext<DeliveryListState>('deliveries');
const detail = createStoreContext<DeliveryDetailState>('delivery detail');
const selection = createStoreContext<DeliverySelectionState>('delivery selection');

export const deliveryListSlot = list.slot;
export const deliveryDetailSlot = detail.slot;
export const deliverySelectionSlot = selection.slot;

/** The live list. */
export const useDeliveries = list.useSelector;
export const useDeliveriesStore = list.useStoreApi;
/** The open row's full delivery. */
export const useDeliveryDetail = detail.useSelector;
/** The open row and the ticked rows. */
export const useSelection = selection.useSelector;
export const useSelectionStore = selection.useStoreApi;

/** The three stores in their slots, for StoresProvider. */
export const provideDeliveries = (stores: DeliveriesStores) => [
  provide(list.slot, stores.list),
  provide(detail.slot, stores.detail),
  provide(selection.slot, stores.selection),
];

/** Provides the deliveries feature alone (tests of its panes); the app provides every store at once. */
export function DeliveriesProvider({ stores, children }: { stores: DeliveriesStores; children: ReactNode }) {
  const provided = useMemo(() => provideDeliveries(stores), [stores]);
  return <StoresProvider stores={provided}>{children}</StoresProvider>;
}
