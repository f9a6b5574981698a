import type { AppInfo, StoreStatus, Whoami } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, ConnectionStatus } from '../api';
import { type CallError, toCallError } from '../api/callError';

export type InfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'error'; error: CallError };

export interface AppState {
  info: InfoState;
  connection: ConnectionStatus;
  /** Whether the shared store (a team server's database) can be reached; null until known. */
  store: StoreStatus | null;
  /** Who is calling, and on a team server with what role; null until known (or when it could not be read). */
  whoami: Whoami | null;
  /** A call was refused for the token: nothing else can work, the whole page says so. */
  unauthorized: boolean;
  start(): void;
  stop(): void;
  reloadInfo(): void;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(client: ApiClient): AppStore {
  let unsubscribe: Array<() => void> = [];

  return createStore<AppState>()((set) => {
    const loadInfo = async () => {
      set({ info: { status: 'loading' } });
      try {
        set({ info: { status: 'ready', info: await client.call('app.info', {}) } });
      } catch (error) {
        set({ info: { status: 'error', error: toCallError(error) } });
      }
    };

    const loadStatus = async () => {
      try {
        set({ store: await client.call('app.status', {}) });
      } catch {
        // An older inspector without app.status, or a call lost in a reconnect: the next event says it.
      }
    };

    const loadWhoami = async () => {
      try {
        set({ whoami: await client.call('app.whoami', {}) });
      } catch {
        // An inspector older than roles, or a blip: nothing is disabled, and the server still refuses.
      }
    };
    return {
      info: { status: 'loading' },
      whoami: null,
      connection: 'connecting',
      store: null,
      unauthorized: false,
      start() {
        if (unsubscribe.length > 0) return;
        unsubscribe = [
          client.onStatus((connection) => set({ connection })),
          client.onUnauthorized(() => set({ unauthorized: true })),
          client.on('store.status', (store) => set({ store })),
          // Events sent while the connection was down are lost: ask again.
          client.onReconnect(() => {
            void loadStatus();
            void loadWhoami();
          }),
        ];
        void loadInfo();
        void loadStatus();
        void loadWhoami();
      },
      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },
      reloadInfo: () => void loadInfo(),
    };
  });
}
