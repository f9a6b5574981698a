import type { Inbox } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { errorMessage } from '../../api/errorMessage';

export interface InboxesState {
  items: Inbox[];
  /** True once a list has arrived: an empty `items` then really means none. */
  loaded: boolean;
  loading: boolean;
  error: string | null;
  start(): void;
  stop(): void;
  reload(): void;
}

export type InboxesStore = StoreApi<InboxesState>;

export function createInboxesStore(client: DataClient): InboxesStore {
  let unsubscribe: Array<() => void> = [];
  let request = 0;

  return createStore<InboxesState>()((set) => {
    const load = async () => {
      const current = ++request;
      set({ loading: true });
      try {
        const { items } = await client.call('inboxes.list', {});
        if (current === request) set({ items, loaded: true, loading: false, error: null });
      } catch (error) {
        if (current === request) set({ loading: false, error: errorMessage(error) });
      }
    };

    return {
      items: [],
      loaded: false,
      loading: false,
      error: null,
      start() {
        if (unsubscribe.length > 0) return;
        unsubscribe = [
          client.on('inboxes.changed', () => void load()),
          // An `inboxes.changed` may have been pushed while the stream was down.
          client.onReconnect(() => void load()),
        ];
        void load();
      },
      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },
      reload: () => void load(),
    };
  });
}
