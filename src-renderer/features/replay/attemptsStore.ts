import type { ReplayAttempt } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { coalesce } from '../../shared/coalesce';

/** The replays of the delivery open in the Replays tab, newest first. */
export interface ReplayAttemptsState {
  deliveryId: number | null;
  items: ReplayAttempt[];
  /** True once `items` is an answer for `deliveryId`: an empty list then means "never replayed". */
  loaded: boolean;
  error: CallError | null;
  /**
   * Reads the delivery's attempts now and again whenever a replay ends, until
   * the returned function is called (the tab closes).
   */
  watch(deliveryId: number): () => void;
  reload(): void;
}

export type ReplayAttemptsStore = StoreApi<ReplayAttemptsState>;

export function createReplayAttemptsStore(client: DataClient): ReplayAttemptsStore {
  let watchers = 0;
  let unsubscribe: (() => void) | null = null;

  return createStore<ReplayAttemptsState>()((set, get) => {
    // One request at a time; a watch of another delivery meanwhile asks for one more run.
    const load = coalesce(async () => {
      const { deliveryId } = get();
      if (deliveryId === null) return;
      try {
        const { items } = await client.call('replay.attempts', { deliveryId });
        if (get().deliveryId === deliveryId) set({ items, loaded: true, error: null });
      } catch (error) {
        if (get().deliveryId === deliveryId) set({ error: toCallError(error) });
      }
    });

    return {
      deliveryId: null,
      items: [],
      loaded: false,
      error: null,

      watch(deliveryId) {
        if (get().deliveryId !== deliveryId) set({ deliveryId, items: [], loaded: false, error: null });
        watchers += 1;
        // Attempts are written when a job's requests end: any job's end may have added some to this delivery.
        unsubscribe ??= client.on('replay.progress', (progress) => {
          if (progress.state !== 'running') void load();
        });
        void load();
        let active = true;
        return () => {
          if (!active) return;
          active = false;
          watchers -= 1;
          if (watchers > 0) return;
          unsubscribe?.();
          unsubscribe = null;
        };
      },

      reload: () => void load(),
    };
  });
}
