import type { WebhookLogEntry } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { coalesce } from '../../shared/coalesce';
import type { StatusClass } from './filter';

export interface LogsState {
  profileId: number | null;
  items: WebhookLogEntry[];
  loaded: boolean;
  checkedAt: number | null;
  /** A failed read (network, the platform's error); older items stay shown. */
  error: CallError | null;
  /**
   * Why this profile has no delivery log to read at all — Telegram keeps none,
   * a Solafon profile needs an app id and JWT. Core refuses these before
   * sending; they are facts to explain, not failures.
   */
  unavailable: string | null;
  statusClass: StatusClass;
  query: string;
  refresh(profileId: number): Promise<void>;
  setStatusClass(statusClass: StatusClass): void;
  setQuery(query: string): void;
}

export type LogsStore = StoreApi<LogsState>;

export function createLogsStore(client: DataClient): LogsStore {
  let epoch = 0;

  return createStore<LogsState>()((set, get) => {
    const read = coalesce(async () => {
      const { profileId } = get();
      if (profileId === null) return;
      const started = epoch;
      try {
        const { items } = await client.call('logs.list', { profileId });
        if (started === epoch) {
          set({ items, loaded: true, checkedAt: Date.now(), error: null, unavailable: null });
        }
      } catch (error) {
        if (started !== epoch) return;
        const failure = toCallError(error);
        if (failure.details?.kind === 'refused') {
          set({
            unavailable: failure.details.description ?? failure.message,
            error: null,
            items: [],
            loaded: true,
          });
        } else {
          set({ error: failure });
        }
      }
    });

    return {
      profileId: null,
      items: [],
      loaded: false,
      checkedAt: null,
      error: null,
      unavailable: null,
      statusClass: 'all',
      query: '',
      refresh(profileId) {
        if (profileId !== get().profileId) {
          epoch += 1;
          set({ profileId, items: [], loaded: false, checkedAt: null, error: null, unavailable: null });
        }
        return read();
      },
      setStatusClass: (statusClass) => set({ statusClass }),
      setQuery: (query) => set({ query }),
    };
  });
}
