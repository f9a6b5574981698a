import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type StoreApi, useStore } from 'zustand';

/** Names one feature's store in the stores context; `S` ties it to the store's state. */
export interface StoreSlot<S> {
  readonly feature: string;
  /** Never set: only carries `S`, so a slot cannot be handed a store of another shape. */
  readonly state?: S;
}

/** A store placed in its slot, for StoresProvider. */
export interface ProvidedStore {
  readonly slot: StoreSlot<unknown>;
  readonly store: StoreApi<unknown>;
}

export const provide = <S,>(slot: StoreSlot<S>, store: StoreApi<S>): ProvidedStore => ({
  slot,
  store: store as StoreApi<unknown>,
});

const StoresContext = createContext<ReadonlyMap<StoreSlot<unknown>, StoreApi<unknown>>>(new Map());

/**
 * Hands every feature's store to its components through one context: the app
 * provides them all at once. Nested providers add to (or replace in) the outer
 * one, so a test can provide just the stores a panel reads.
 */
export function StoresProvider({
  stores,
  children,
}: {
  stores: readonly ProvidedStore[];
  children: ReactNode;
}) {
  const outer = useContext(StoresContext);
  const value = useMemo(() => {
    const all = new Map(outer);
    for (const { slot, store } of stores) all.set(slot, store);
    return all;
  }, [outer, stores]);
  return <StoresContext.Provider value={value}>{children}</StoresContext.Provider>;
}

/**
 * One feature's way into the stores context, so components never build their
 * own client and tests hand in a store over a fake one.
 */
export function createStoreContext<S>(feature: string) {
  const slot: StoreSlot<S> = { feature };

  /** Provides this store alone (tests of one panel); the app uses StoresProvider. */
  function Provider({ store, children }: { store: StoreApi<S>; children: ReactNode }) {
    const stores = useMemo(() => [provide(slot, store)], [store]);
    return <StoresProvider stores={stores}>{children}</StoresProvider>;
  }

  function useStoreApi(): StoreApi<S> {
    const store = useContext(StoresContext).get(slot);
    if (store === undefined) throw new Error(`The ${feature} panel needs its store provided above it.`);
    return store as StoreApi<S>;
  }

  /** The store, or null where none is provided (a part that works without it). */
  function useOptionalStoreApi(): StoreApi<S> | null {
    return (useContext(StoresContext).get(slot) as StoreApi<S> | undefined) ?? null;
  }

  function useSelector<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }

  return { slot, Provider, useStoreApi, useOptionalStoreApi, useSelector };
}
