import type { AppInfo } from '@contract';
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

    return {
      info: { status: 'loading' },
      connection: 'connecting',
      unauthorized: false,
      start() {
        if (unsubscribe.length > 0) return;
        unsubscribe = [
          client.onStatus((connection) => set({ connection })),
          client.onUnauthorized(() => set({ unauthorized: true })),
        ];
        void loadInfo();
      },
      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },
      reloadInfo: () => void loadInfo(),
    };
  });
}
