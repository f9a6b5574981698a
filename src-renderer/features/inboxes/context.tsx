import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { InboxesState, InboxesStore } from './store';

const InboxesContext = createContext<InboxesStore | null>(null);

export function InboxesProvider({ store, children }: { store: InboxesStore; children: ReactNode }) {
  return <InboxesContext.Provider value={store}>{children}</InboxesContext.Provider>;
}

export function useInboxes<T>(selector: (state: InboxesState) => T): T {
  const store = useContext(InboxesContext);
  if (store === null) throw new Error('useInboxes needs an InboxesProvider above it.');
  return useStore(store, selector);
}
