import { createStore, type StoreApi } from 'zustand/vanilla';

export const VIEWS = [
  { id: 'deliveries', label: 'Deliveries' },
  { id: 'webhook', label: 'Webhook' },
  { id: 'compose', label: 'Compose' },
  { id: 'logs', label: 'Logs' },
  { id: 'sandbox', label: 'Sandbox chat' },
  { id: 'commands', label: 'Commands' },
  { id: 'links', label: 'Signed links' },
  { id: 'settings', label: 'Inbox settings' },
  // A team server's admins only: nobody else could read them.
  { id: 'people', label: 'People', teamAdmin: true },
  { id: 'audit', label: 'Audit log', teamAdmin: true },
] as const;

export type View = (typeof VIEWS)[number]['id'];

export interface NavigationState {
  view: View;
  show(view: View): void;
}

export type NavigationStore = StoreApi<NavigationState>;

/** Which view fills the workspace; a store, so "Reply" in the detail pane can switch to Compose. */
export function createNavigationStore(view: View = 'deliveries'): NavigationStore {
  return createStore<NavigationState>()((set) => ({
    view,
    show: (next) => set({ view: next }),
  }));
}
