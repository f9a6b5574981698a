import type { Workspace } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, ServerConnection } from '../api';
import { errorMessage } from '../api/errorMessage';
import { createStores, type Stores, type StoresOptions, startStores, stopStores } from './allStores';

/** Where the last opened workspace is remembered: its id only, which is no secret. */
export const WORKSPACE_STORAGE_KEY = 'bwi-workspace';

/** The app's own inspector (local, or the team server whose page this is), or a team server opened from it. */
export type Place = { kind: 'home' } | { kind: 'server'; workspace: Workspace };

export interface Session {
  /** New for every switch: the app is keyed by it, so every panel starts afresh. */
  key: number;
  place: Place;
  stores: Stores;
}

export interface SessionState {
  /** Null only while the first workspace opens. */
  session: Session | null;
  /** The server being opened, while it is. */
  opening: Workspace | null;
  /** Why the last switch failed; the previous workspace stays open. */
  error: string | null;
  /** Reopens the workspace open last time, else the app's own inspector. */
  restore(): Promise<void>;
  openHome(): void;
  open(workspace: Workspace): Promise<void>;
  clearError(): void;
}

export type SessionStore = StoreApi<SessionState>;

export interface SessionEnv {
  /** The client of the app's own inspector: it keeps the list of servers and their tokens. */
  home: ApiClient;
  /** Builds the client of a team server (the web transport, pointed at it). */
  connect: (url: string, token: string) => ServerConnection;
  /** Null where there is no storage (a test, or storage switched off): nothing is remembered. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  stores?: StoresOptions;
}

/**
 * The one place that decides where the app's data comes from: it builds the
 * client of the open workspace and every feature's store over it. A switch
 * stops the old stores and closes the old server's connection; no feature
 * knows which workspace it shows.
 */
export function createSessionStore(env: SessionEnv): SessionStore {
  let switchId = 0;
  let key = 0;
  let connection: ServerConnection | null = null;

  return createStore<SessionState>()((set, get) => {
    const remember = (id: number | null) => {
      try {
        if (id === null) env.storage?.removeItem(WORKSPACE_STORAGE_KEY);
        else env.storage?.setItem(WORKSPACE_STORAGE_KEY, String(id));
      } catch {
        // Storage full or refused: the next start opens the local workspace, nothing worse.
      }
    };

    const enter = (place: Place, client: ApiClient, next: ServerConnection | null) => {
      const previous = get().session;
      if (previous !== null) stopStores(previous.stores);
      connection?.close();
      connection = next;
      const stores = createStores(client, env.stores);
      startStores(stores);
      key += 1;
      set({ session: { key, place, stores }, opening: null, error: null });
      remember(place.kind === 'server' ? place.workspace.id : null);
    };

    const openHome = () => {
      switchId += 1;
      enter({ kind: 'home' }, env.home, null);
    };

    const open = async (workspace: Workspace) => {
      const current = ++switchId;
      set({ opening: workspace, error: null });
      let next: ServerConnection;
      try {
        const { url, token } = await env.home.call('workspaces.open', { id: workspace.id });
        next = env.connect(url, token);
      } catch (error) {
        if (current !== switchId) return;
        set({ opening: null, error: `Could not open ${workspace.name}: ${errorMessage(error)}` });
        // The first open (a restore) must still land somewhere.
        if (get().session === null) openHome();
        return;
      }
      // Another switch was asked for meanwhile: it wins, and this connection is not used.
      if (current !== switchId) {
        next.close();
        return;
      }
      enter({ kind: 'server', workspace }, next.client, next);
    };

    return {
      session: null,
      opening: null,
      error: null,
      async restore() {
        const saved = readSaved(env.storage);
        if (saved === null) return openHome();
        let workspace: Workspace | undefined;
        try {
          const { items } = await env.home.call('workspaces.list', {});
          workspace = items.find((item) => item.id === saved);
        } catch {
          workspace = undefined;
        }
        if (workspace === undefined) {
          // Removed since, or this page cannot open servers at all.
          remember(null);
          return openHome();
        }
        await open(workspace);
      },
      openHome,
      open,
      clearError: () => set({ error: null }),
    };
  });
}

function readSaved(storage: SessionEnv['storage']): number | null {
  let value: string | null = null;
  try {
    value = storage?.getItem(WORKSPACE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
  const id = Number(value);
  return value !== null && Number.isInteger(id) && id > 0 ? id : null;
}
