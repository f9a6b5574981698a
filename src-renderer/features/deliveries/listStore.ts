import type { DeliveryListItem } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { toCallError } from '../../api/callError';
import { coalesce } from '../../shared/coalesce';
import { readArrivedSince } from './catchUp';
import { listInput, liveModeOf, normalizeFilter, sameFilter } from './filter';
import { frameWithFallback, spacedFrames } from './frames';
import type { DeliveryListOptions, DeliveryListState } from './listState';
import { compareNewestFirst, pageAfter } from './order';
import { DeliveryRows } from './rows';

export const PAGE_SIZE = 200;
const UNSEARCHED_RETRY_MS = 500;
/**
 * Arrivals held for the next frame at most. Past it they are applied at once
 * (or, before the first page is in, dropped and read again after it), so a
 * flood never grows the queue without bound.
 */
export const MAX_PENDING = 10_000;

export type { DeliveryListOptions, DeliveryListState };
export type DeliveryListStore = StoreApi<DeliveryListState>;

export function createDeliveryListStore(
  client: DataClient,
  options: DeliveryListOptions = {},
): DeliveryListStore {
  const scheduleFrame = options.scheduleFrame ?? spacedFrames(frameWithFallback());
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const unsearchedRetryMs = options.unsearchedRetryMs ?? UNSEARCHED_RETRY_MS;
  const rows = new DeliveryRows();

  // Live arrivals wait here for the next frame, so a burst costs one render.
  let pending: DeliveryListItem[] = [];
  // The server's count from the latest catch-up answer, applied with its items.
  let pendingTotal: number | null = null;
  let pendingTotalExact = true;
  let frameScheduled = false;
  let catchUpScheduled = false;
  // Bumped whenever the list starts over; answers to older requests are dropped.
  let listEpoch = 0;
  let resyncWanted = false;
  let unsubscribe: Array<() => void> = [];
  // Deleted ids wait for the next frame too: a delete by filter arrives in many chunks.
  let pendingDeleted = new Set<number>();
  let deleteFrameScheduled = false;
  let unsearchedTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<DeliveryListState>()((set, get) => {
    const pageInput = (cursor?: ReturnType<typeof pageAfter>) =>
      listInput(get().filter, { limit: pageSize, ...cursor });

    const flush = () => {
      frameScheduled = false;
      // Arrivals wait for the first page: only then is it known where the loaded rows end.
      // After a failed first page they are dropped (the retry reads them): the queue stays bounded.
      const { firstPage } = get();
      if (firstPage === 'error') pending = [];
      if (firstPage !== 'ready') return;
      const batch = pending;
      const answered = pendingTotal;
      const answeredExact = pendingTotalExact;
      pending = [];
      pendingTotal = null;
      const shown = rows.count;
      const added = rows.addNewer(batch, { holdsOldest: get().reachedEnd });
      if (
        added === 0 &&
        (answered === null || (answered === get().total && answeredExact === get().totalExact))
      )
        return;
      set((state) => ({
        version: rows.count === shown ? state.version : state.version + 1,
        arrived: state.arrived + added,
        // Counted by the server when it was asked (catch-up), else counted here.
        total: answered === null ? state.total + added : Math.max(answered, rows.count),
        totalExact: answered === null ? state.totalExact : answeredExact,
      }));
    };

    const scheduleFlush = () => {
      if (pending.length >= MAX_PENDING) {
        if (get().firstPage === 'ready') {
          flush();
        } else {
          // The first page is slow and arrivals fast: read them again once it is in.
          pending = [];
          resyncWanted = true;
        }
        return;
      }
      if (frameScheduled) return;
      frameScheduled = true;
      scheduleFrame(flush);
    };

    // The `push` mode: only the inbox (or nothing) narrows the list, so the client checks arrivals itself.
    const enqueue = (items: readonly DeliveryListItem[]) => {
      const { inbox } = get().filter;
      for (const item of items) {
        if (inbox === undefined || item.inbox === inbox) pending.push(item);
      }
      if (pending.length > 0) scheduleFlush();
    };

    /** The largest id held or on its way to the list: a catch-up asks for what is newer. */
    const newestKnownId = () => {
      let newest = rows.maxId;
      for (const item of pending) newest = Math.max(newest, item.id);
      return newest;
    };

    /**
     * The `catch-up` mode: the client cannot judge an arrival (full text lives
     * in the server's index), so it asks for what matches past the largest id
     * it knows. What is found goes through the same per-frame batching as
     * pushed items, and so lands at its place in the order.
     */
    const catchUp = async () => {
      const { filter, firstPage } = get();
      // Stopped (a frame scheduled before stop still runs), or the client can judge arrivals itself.
      if (unsubscribe.length === 0 || liveModeOf(filter) !== 'catch-up') return;
      if (firstPage !== 'ready') {
        // Asked again once the first page is in; an error is retried by the user.
        if (firstPage === 'loading') resyncWanted = true;
        return;
      }
      const epoch = listEpoch;
      let found: Awaited<ReturnType<typeof readArrivedSince>>;
      try {
        found = await readArrivedSince(client, filter, newestKnownId(), () => epoch === listEpoch);
      } catch (error) {
        if (epoch === listEpoch)
          set({ loadError: toCallError(error, 'Could not load new matching deliveries') });
        return;
      }
      if (found === null) return;
      for (const item of found.items) pending.push(item);
      pendingTotal = found.total;
      pendingTotalExact = found.totalExact;
      if (get().loadError !== null) set({ loadError: null });
      noteUnsearched(found.unsearched);
      scheduleFlush();
    };
    // At most one catch-up on its way; arrivals meanwhile ask for one more run after it.
    const runCatchUp = coalesce(catchUp);

    const requestCatchUp = () => {
      if (catchUpScheduled) return;
      catchUpScheduled = true;
      scheduleFrame(() => {
        catchUpScheduled = false;
        void runCatchUp();
      });
    };

    /**
     * Words not yet searchable: ask again shortly, since no event will say
     * when the index reached them. The index fills in id order, so what the
     * next catch-up finds past the largest known id is exactly what was missed.
     */
    const noteUnsearched = (unsearched: number) => {
      if (unsearched !== get().unsearched) set({ unsearched });
      if (unsearched > 0 && unsearchedTimer === null) {
        unsearchedTimer = setTimeout(() => {
          unsearchedTimer = null;
          requestCatchUp();
        }, unsearchedRetryMs);
      }
    };

    const onAdded = (items: readonly DeliveryListItem[]) => {
      if (get().mode === 'catch-up') requestCatchUp();
      else enqueue(items);
    };

    /** The server's count again: deleted rows that were not loaded may have been part of it. */
    const recount = coalesce(async () => {
      const epoch = listEpoch;
      try {
        const page = await client.call('deliveries.list', listInput(get().filter, { limit: 1 }));
        if (epoch !== listEpoch) return;
        set({ total: Math.max(page.total, rows.count), totalExact: page.totalExact !== false });
      } catch {
        // The next delete, arrival or reconnect counts again; the rows shown are right meanwhile.
      }
    });

    const flushDeleted = () => {
      deleteFrameScheduled = false;
      const ids = pendingDeleted;
      pendingDeleted = new Set();
      if (unsubscribe.length === 0) return;
      pending = pending.filter((item) => !ids.has(item.id));
      const removed = rows.remove(ids);
      options.onRemoved?.(ids);
      if (removed > 0) {
        set((state) => ({ version: state.version + 1, total: Math.max(rows.count, state.total - removed) }));
      }
      if (removed < ids.size || !get().totalExact) void recount();
    };

    const onDeleted = (ids: readonly number[]) => {
      for (const id of ids) pendingDeleted.add(id);
      if (deleteFrameScheduled) return;
      deleteFrameScheduled = true;
      scheduleFrame(flushDeleted);
    };

    const loadFirstPage = async () => {
      const epoch = ++listEpoch;
      set({ firstPage: 'loading', loadError: null });
      try {
        const page = await client.call('deliveries.list', pageInput());
        if (epoch !== listEpoch) return;
        const reachedEnd = page.items.length < pageSize;
        rows.addNewer(page.items);
        // What arrived while the page was on its way, placed now that the page says where it ends.
        // The page's total may or may not count them: the larger of the two stands.
        const raced = rows.addNewer(pending, { holdsOldest: reachedEnd });
        pending = [];
        set((state) => ({
          version: state.version + 1,
          arrived: state.arrived + raced,
          total: Math.max(page.total, rows.count),
          totalExact: page.totalExact !== false,
          firstPage: 'ready',
          reachedEnd,
        }));
        noteUnsearched(page.unsearched ?? 0);
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ firstPage: 'error', loadError: toCallError(error) });
        return;
      }
      if (resyncWanted) {
        resyncWanted = false;
        void resync();
      }
    };

    // After a reconnect: read the newest page again and merge what was missed.
    const resync = async () => {
      const { firstPage, mode } = get();
      if (firstPage === 'loading') {
        resyncWanted = true;
        return;
      }
      if (firstPage === 'error') {
        void loadFirstPage();
        return;
      }
      if (mode === 'catch-up') {
        await runCatchUp();
        return;
      }
      const epoch = listEpoch;
      try {
        const page = await client.call('deliveries.list', pageInput());
        if (epoch !== listEpoch) return;
        const top = rows.at(0);
        const lastInPage = page.items.at(-1);
        const gap =
          top !== undefined &&
          lastInPage !== undefined &&
          page.items.length >= pageSize &&
          compareNewestFirst(lastInPage, top) < 0;
        // More was missed than one page holds: start over rather than show a list with a hole.
        if (gap) rows.clear();
        rows.addNewer(page.items, { holdsOldest: !gap && get().reachedEnd });
        set((state) => ({
          version: state.version + 1,
          total: Math.max(page.total, rows.count),
          totalExact: page.totalExact !== false,
          loadError: null,
          ...(gap ? { reachedEnd: false, olderError: null } : {}),
        }));
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ loadError: toCallError(error, 'Could not catch up after reconnecting') });
      }
    };

    const fetchOlder = async () => {
      const last = rows.last;
      if (last === undefined) return;
      const epoch = listEpoch;
      set({ loadingOlder: true, olderError: null });
      try {
        const page = await client.call('deliveries.list', pageInput(pageAfter(last)));
        if (epoch !== listEpoch) return;
        rows.addOlder(page.items);
        set((state) => ({
          version: state.version + 1,
          total: Math.max(page.total, rows.count),
          totalExact: page.totalExact !== false,
          loadingOlder: false,
          reachedEnd: page.items.length < pageSize,
        }));
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ loadingOlder: false, olderError: toCallError(error) });
      }
    };

    return {
      rows,
      version: 0,
      arrived: 0,
      total: 0,
      totalExact: true,
      unsearched: 0,
      filter: {},
      mode: 'push',
      firstPage: 'loading',
      loadError: null,
      loadingOlder: false,
      olderError: null,
      reachedEnd: false,

      start() {
        if (unsubscribe.length > 0) return;
        // Subscribe before reading the first page: an item committed in between
        // then arrives as an event (and is de-duplicated), instead of being lost.
        unsubscribe = [
          client.on('delivery.added', (payload) => onAdded(payload.items)),
          client.on('deliveries.deleted', (payload) => onDeleted(payload.ids)),
          client.onReconnect(() => void resync()),
        ];
        void loadFirstPage();
      },

      stop() {
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
        listEpoch += 1;
        pending = [];
        pendingTotal = null;
        if (unsearchedTimer !== null) clearTimeout(unsearchedTimer);
        unsearchedTimer = null;
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

      setFilter(next) {
        const filter = normalizeFilter(next);
        if (sameFilter(filter, get().filter)) return;
        rows.clear();
        pending = [];
        pendingTotal = null;
        resyncWanted = false;
        set((state) => ({
          filter,
          mode: liveModeOf(filter),
          version: state.version + 1,
          total: 0,
          totalExact: true,
          unsearched: 0,
          loadingOlder: false,
          olderError: null,
          reachedEnd: false,
        }));
        void loadFirstPage();
      },

      setInbox(inbox) {
        const { inbox: _previous, ...rest } = get().filter;
        get().setFilter(inbox === null ? rest : { ...rest, inbox });
      },
    };
  });
}
