import type { DeliveryDetail, DeliveryListItem } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { errorMessage } from '../../api/errorMessage';
import { DeliveryRows } from './rows';

export const PAGE_SIZE = 200;
const DETAIL_CACHE_SIZE = 100;

export type DetailState =
  | { status: 'idle' }
  | { status: 'loading'; id: number }
  | { status: 'ready'; id: number; delivery: DeliveryDetail }
  | { status: 'error'; id: number; message: string };

export interface DeliveriesState {
  /**
   * Mutated in place (see DeliveryRows): a 100,000-row list is not copied per
   * frame. Subscribe to `version` to learn that it changed.
   */
  rows: DeliveryRows;
  version: number;
  /** Deliveries matching the filter on the server, not just those loaded. */
  total: number;
  inbox: string | null;
  firstPage: 'loading' | 'ready' | 'error';
  /** Reading the newest page (at start, on a filter change or after a reconnect) failed. */
  loadError: string | null;
  loadingOlder: boolean;
  olderError: string | null;
  reachedEnd: boolean;
  selectedId: number | null;
  detail: DetailState;

  start(): void;
  stop(): void;
  /** Re-reads the newest page after a failure. */
  retry(): void;
  /** Loads the next older page when there is one; safe to call on every scroll. */
  loadOlder(): void;
  retryOlder(): void;
  setInbox(inbox: string | null): void;
  select(id: number): void;
  retryDetail(): void;
}

export interface DeliveriesStoreOptions {
  /** Defaults to requestAnimationFrame; tests pass a manual scheduler. */
  scheduleFrame?: (callback: () => void) => void;
  pageSize?: number;
}

export type DeliveriesStore = StoreApi<DeliveriesState>;

export function createDeliveriesStore(
  client: DataClient,
  options: DeliveriesStoreOptions = {},
): DeliveriesStore {
  const scheduleFrame = options.scheduleFrame ?? ((callback) => requestAnimationFrame(() => callback()));
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const rows = new DeliveryRows();
  const detailCache = new Map<number, DeliveryDetail>();

  // Live arrivals wait here for the next frame, so a burst costs one render.
  let pending: DeliveryListItem[] = [];
  let frameScheduled = false;
  // Bumped whenever the list starts over; answers to older requests are dropped.
  let listEpoch = 0;
  let detailRequest = 0;
  let resyncWanted = false;
  let unsubscribe: Array<() => void> = [];

  return createStore<DeliveriesState>()((set, get) => {
    const pageInput = (before?: number) => {
      const { inbox } = get();
      return {
        limit: pageSize,
        ...(inbox === null ? {} : { inbox }),
        ...(before === undefined ? {} : { before }),
      };
    };

    const flush = () => {
      frameScheduled = false;
      const batch = pending;
      pending = [];
      const added = rows.addNewer(batch);
      if (added === 0) return;
      set((state) => ({ version: state.version + 1, total: state.total + added }));
    };

    const enqueue = (items: readonly DeliveryListItem[]) => {
      const { inbox } = get();
      for (const item of items) {
        if (inbox === null || item.inbox === inbox) pending.push(item);
      }
      if (pending.length > 0 && !frameScheduled) {
        frameScheduled = true;
        scheduleFrame(flush);
      }
    };

    const loadFirstPage = async () => {
      const epoch = ++listEpoch;
      set({ firstPage: 'loading', loadError: null });
      try {
        const page = await client.call('deliveries.list', pageInput());
        if (epoch !== listEpoch) return;
        rows.addNewer(page.items);
        set((state) => ({
          version: state.version + 1,
          total: Math.max(page.total, rows.count),
          firstPage: 'ready',
          reachedEnd: page.items.length < pageSize,
        }));
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ firstPage: 'error', loadError: errorMessage(error) });
        return;
      }
      if (resyncWanted) {
        resyncWanted = false;
        void resync();
      }
    };

    // After a reconnect: read the newest page again and merge what was missed.
    const resync = async () => {
      const { firstPage } = get();
      if (firstPage === 'loading') {
        resyncWanted = true;
        return;
      }
      if (firstPage === 'error') {
        void loadFirstPage();
        return;
      }
      const epoch = listEpoch;
      try {
        const page = await client.call('deliveries.list', pageInput());
        if (epoch !== listEpoch) return;
        const newest = rows.newestId;
        const oldestInPage = page.items.reduce(
          (min, item) => Math.min(min, item.id),
          Number.POSITIVE_INFINITY,
        );
        const gap = newest !== null && page.items.length >= pageSize && oldestInPage > newest;
        // More was missed than one page holds: start over rather than show a list with a hole.
        if (gap) rows.clear();
        rows.addNewer(page.items);
        set((state) => ({
          version: state.version + 1,
          total: Math.max(page.total, rows.count),
          loadError: null,
          ...(gap ? { reachedEnd: false, olderError: null } : {}),
        }));
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ loadError: `Could not catch up after reconnecting: ${errorMessage(error)}` });
      }
    };

    const fetchOlder = async () => {
      const before = rows.oldestId;
      if (before === null) return;
      const epoch = listEpoch;
      set({ loadingOlder: true, olderError: null });
      try {
        const page = await client.call('deliveries.list', pageInput(before));
        if (epoch !== listEpoch) return;
        rows.addOlder(page.items);
        set((state) => ({
          version: state.version + 1,
          total: Math.max(page.total, rows.count),
          loadingOlder: false,
          reachedEnd: page.items.length < pageSize,
        }));
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ loadingOlder: false, olderError: errorMessage(error) });
      }
    };

    const fetchDetail = async (id: number) => {
      const request = ++detailRequest;
      const cached = detailCache.get(id);
      if (cached !== undefined) {
        set({ detail: { status: 'ready', id, delivery: cached } });
        return;
      }
      set({ detail: { status: 'loading', id } });
      try {
        const delivery = await client.call('deliveries.get', { id });
        if (detailCache.size >= DETAIL_CACHE_SIZE) {
          const oldestKey = detailCache.keys().next().value;
          if (oldestKey !== undefined) detailCache.delete(oldestKey);
        }
        detailCache.set(id, delivery);
        if (request !== detailRequest) return;
        set({ detail: { status: 'ready', id, delivery } });
      } catch (error) {
        if (request !== detailRequest) return;
        set({ detail: { status: 'error', id, message: errorMessage(error) } });
      }
    };

    return {
      rows,
      version: 0,
      total: 0,
      inbox: null,
      firstPage: 'loading',
      loadError: null,
      loadingOlder: false,
      olderError: null,
      reachedEnd: false,
      selectedId: null,
      detail: { status: 'idle' },

      start() {
        if (unsubscribe.length > 0) return;
        // Subscribe before reading the first page: an item committed in between
        // then arrives as an event (and is de-duplicated), instead of being lost.
        unsubscribe = [
          client.on('delivery.added', (payload) => enqueue(payload.items)),
          client.onReconnect(() => void resync()),
        ];
        void loadFirstPage();
      },

      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
        listEpoch += 1;
        pending = [];
      },

      retry() {
        if (get().firstPage === 'error') void loadFirstPage();
        else void resync();
      },

      loadOlder() {
        const state = get();
        if (
          state.firstPage !== 'ready' ||
          state.loadingOlder ||
          state.reachedEnd ||
          state.olderError !== null
        ) {
          return;
        }
        void fetchOlder();
      },

      retryOlder() {
        if (!get().loadingOlder) void fetchOlder();
      },

      setInbox(inbox) {
        if (inbox === get().inbox) return;
        rows.clear();
        pending = [];
        resyncWanted = false;
        set((state) => ({
          inbox,
          version: state.version + 1,
          total: 0,
          loadingOlder: false,
          olderError: null,
          reachedEnd: false,
        }));
        void loadFirstPage();
      },

      select(id) {
        const { selectedId, detail } = get();
        if (id === selectedId && detail.status !== 'error') return;
        set({ selectedId: id });
        void fetchDetail(id);
      },

      retryDetail() {
        const { selectedId } = get();
        if (selectedId !== null) void fetchDetail(selectedId);
      },
    };
  });
}
