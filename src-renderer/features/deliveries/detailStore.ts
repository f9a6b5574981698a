import type { DeliveryDetail } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';

/** Details kept after they were read: going back and forth between rows asks nothing again. */
const DETAIL_CACHE_SIZE = 100;

export type DetailState =
  | { status: 'idle' }
  | { status: 'loading'; id: number }
  | { status: 'ready'; id: number; delivery: DeliveryDetail }
  | { status: 'error'; id: number; error: CallError };

/** The one delivery shown in full (the open row's), read through a small cache. */
export interface DeliveryDetailState {
  detail: DetailState;
  /** Shows `id`, from the cache or read; only the latest call's answer is shown. */
  show(id: number): void;
  /** Reads the shown delivery again after a failed read. */
  retry(): void;
  /** Back to nothing shown (the open row was closed or deleted). */
  clear(): void;
  /** Deleted on the server: never shown from the cache again. */
  forget(ids: ReadonlySet<number>): void;
}

export type DeliveryDetailStore = StoreApi<DeliveryDetailState>;

export function createDeliveryDetailStore(client: DataClient): DeliveryDetailStore {
  // A Map keeps insertion order: its first key is the one read longest ago.
  const cache = new Map<number, DeliveryDetail>();
  let request = 0;

  const remember = (id: number, delivery: DeliveryDetail) => {
    if (cache.size >= DETAIL_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(id, delivery);
  };

  return createStore<DeliveryDetailState>()((set, get) => ({
    detail: { status: 'idle' },

    show(id) {
      const asked = ++request;
      const cached = cache.get(id);
      if (cached !== undefined) {
        set({ detail: { status: 'ready', id, delivery: cached } });
        return;
      }
      set({ detail: { status: 'loading', id } });
      void (async () => {
        try {
          const delivery = await client.call('deliveries.get', { id });
          remember(id, delivery);
          if (asked === request) set({ detail: { status: 'ready', id, delivery } });
        } catch (error) {
          if (asked === request) set({ detail: { status: 'error', id, error: toCallError(error) } });
        }
      })();
    },

    retry() {
      const { detail } = get();
      if (detail.status === 'error') get().show(detail.id);
    },

    clear() {
      request += 1;
      set({ detail: { status: 'idle' } });
    },

    forget(ids) {
      for (const id of ids) cache.delete(id);
    },
  }));
}
