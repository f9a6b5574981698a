import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { DeliveriesState, DeliveriesStore } from './store';

const DeliveriesContext = createContext<DeliveriesStore | null>(null);

/** The store comes from the app (or a test), so components never build their own client. */
export function DeliveriesProvider({ store, children }: { store: DeliveriesStore; children: ReactNode }) {
  return <DeliveriesContext.Provider value={store}>{children}</DeliveriesContext.Provider>;
}

export function useDeliveriesStore(): DeliveriesStore {
  const store = useContext(DeliveriesContext);
  if (store === null) throw new Error('useDeliveries needs a DeliveriesProvider above it.');
  return store;
}

export function useDeliveries<T>(selector: (state: DeliveriesState) => T): T {
  return useStore(useDeliveriesStore(), selector);
}
