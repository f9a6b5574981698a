import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createStoreContext } from '../../shared/storeContext';
import type { DeliveryListStore } from './listStore';

/**
 * Whether the live list follows the newest deliveries or holds still (paused), and what has
 * arrived since the user last looked: while paused, or while the page was in the background.
 * Counted from the deliveries store's `arrived`, which only live arrivals move.
 */
export interface FollowState {
  paused: boolean;
  /** `arrived` when the list was paused. */
  pausedAt: number;
  /** `arrived` when the page went to the background; null while it is in front. */
  awayAt: number | null;
  pause(): void;
  resume(): void;
  toggle(): void;
  setAway(away: boolean): void;
}

export type FollowStore = StoreApi<FollowState>;

export function createFollowStore(deliveries: DeliveryListStore): FollowStore {
  const arrived = () => deliveries.getState().arrived;
  return createStore<FollowState>()((set, get) => ({
    paused: false,
    pausedAt: 0,
    awayAt: null,
    pause: () => set({ paused: true, pausedAt: arrived() }),
    resume: () => set({ paused: false }),
    toggle: () => (get().paused ? get().resume() : get().pause()),
    setAway: (away) => {
      if (away === (get().awayAt !== null)) return;
      set({ awayAt: away ? arrived() : null });
    },
  }));
}

/** What nobody has seen yet: arrived while paused or while the page was in the background. */
export function unseenCount(follow: FollowState, arrivedNow: number): number {
  const since = [follow.paused ? follow.pausedAt : null, follow.awayAt].filter(
    (value): value is number => value !== null,
  );
  return since.length === 0 ? 0 : arrivedNow - Math.min(...since);
}

const follow = createStoreContext<FollowState>('follow');

export const followSlot = follow.slot;
export const FollowProvider = follow.Provider;
/** The follow store, or null where the list is shown without one (tests of the list alone). */
export const useFollowStore = follow.useOptionalStoreApi;

/** Stands in where there is no follow store: never paused. */
const ALWAYS_FOLLOWING = createStore<FollowState>()(() => ({
  paused: false,
  pausedAt: 0,
  awayAt: null,
  pause() {},
  resume() {},
  toggle() {},
  setAway() {},
}));

export function useFollow<T>(selector: (state: FollowState) => T): T {
  return useStore(useFollowStore() ?? ALWAYS_FOLLOWING, selector);
}
