import { createContext, type ReactNode, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';

/**
 * A React context for one feature's store, so components never build their
 * own client and tests hand in a store over a fake one. The same shape as the
 * deliveries and inboxes contexts, written once.
 */
export function createStoreContext<S>(feature: string) {
  const Context = createContext<StoreApi<S> | null>(null);

  function Provider({ store, children }: { store: StoreApi<S>; children: ReactNode }) {
    return <Context.Provider value={store}>{children}</Context.Provider>;
  }

  function useStoreApi(): StoreApi<S> {
    const store = useContext(Context);
    if (store === null) throw new Error(`The ${feature} panel needs its provider above it.`);
    return store;
  }

  function useSelector<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { Provider, useStoreApi, useSelector };
}
