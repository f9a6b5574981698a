import type { AppInfo, StoreStatus } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, ConnectionStatus } from '../api';
import { errorMessage } from '../api/errorMessage';

export type InfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'error'; message: string };

export interface AppState {
  info: InfoState;
  connection: ConnectionStatus;
  /** Whether the shared store (a team server's database) can be reached; null until known. */
  store: StoreStatus | null;
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
        set({ info: { status: 'error', message: errorMessage(error) } });
      }
    };

    const loadStatus = async () => {
      try {
        set({ store: await client.call('app.status', {}) });
      } catch {
        // An older inspector without app.status, or a call lost in a reconnect: the next event says it.
      }
    };

    return {
      info: { status: 'loading' },
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
          client.onReconnect(() => void loadStatus()),
        ];
        void loadInfo();
        void loadStatus();
      },
      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },
      reloadInfo: () => void loadInfo(),
    };
  });
}
