import type { Workspace } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';

export interface NewWorkspace {
  name: string;
  url: string;
  token: string;
}

export interface WorkspacesState {
  /**
   * False where this page is a team server's own UI: the list of servers
   * belongs to the app on a person's machine, and a server keeps none.
   */
  available: boolean;
  items: Workspace[];
  loaded: boolean;
  error: CallError | null;
  adding: boolean;
  addError: CallError | null;
  /** The id being removed, so its button says so. */
  removing: number | null;
  removeError: CallError | null;
  start(): void;
  reload(): void;
  /** Resolves to the kept workspace, or null when refused (the reason is then in `addError`). */
  add(input: NewWorkspace): Promise<Workspace | null>;
  remove(id: number): Promise<boolean>;
  clearErrors(): void;
}

export type WorkspacesStore = StoreApi<WorkspacesState>;

/** The team servers this app can open, over the client of the app itself (never an opened server's). */
export function createWorkspacesStore(home: DataClient): WorkspacesStore {
  let started = false;
  let request = 0;

  return createStore<WorkspacesState>()((set, get) => {
    const load = async () => {
      const current = ++request;
      try {
        const { items } = await home.call('workspaces.list', {});
        if (current === request) set({ items, loaded: true, error: null });
      } catch (error) {
        if (current === request) set({ error: toCallError(error) });
      }
    };

    return {
      available: false,
      items: [],
      loaded: false,
      error: null,
      adding: false,
      addError: null,
      removing: null,
      removeError: null,
      start() {
        if (started) return;
        started = true;
        void (async () => {
          try {
            const whoami = await home.call('app.whoami', {});
            if (whoami.mode === 'team') return;
          } catch {
            // An inspector older than whoami is a local one: it has the list, or says why not.
          }
          set({ available: true });
          await load();
        })();
      },
      reload: () => void load(),
      async add(input) {
        if (get().adding) return null;
        set({ adding: true, addError: null });
        try {
          const workspace = await home.call('workspaces.add', {
            name: input.name.trim(),
            url: input.url.trim(),
            token: input.token.trim(),
          });
          set({ adding: false });
          await load();
          return workspace;
        } catch (error) {
          set({ adding: false, addError: toCallError(error) });
          return null;
        }
      },
      async remove(id) {
        set({ removing: id, removeError: null });
        try {
          await home.call('workspaces.remove', { id });
          set({ removing: null });
          await load();
          return true;
        } catch (error) {
          set({ removing: null, removeError: toCallError(error) });
          return false;
        }
      },
      clearErrors: () => set({ addError: null, removeError: null }),
    };
  });
}
