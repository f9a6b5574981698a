import type { DeliveryDetail, DeliveryFilter, DeliveryListItem } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { errorMessage } from '../../api/errorMessage';
import { coalesce } from '../../shared/coalesce';
import { toggleChecked } from './checked';
import { isNarrowed, listInput, normalizeFilter, sameFilter } from './filter';
import { compareNewestFirst, pageAfter } from './order';
import { DeliveryRows } from './rows';

export const PAGE_SIZE = 200;
/** The contract's largest page: what a catch-up asks for at once. */
export const CATCH_UP_LIMIT = 1000;
const UNSEARCHED_RETRY_MS = 500;
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
  /** Live arrivals added to the list since the store started (never pages): what "unseen" counts from. */
  arrived: number;
  /** Deliveries matching the filter on the server, not just those loaded. */
  total: number;
  /** False when the server stopped counting (`total` is then a lower bound: "10,000+"). */
  totalExact: boolean;
  /**
   * The newest deliveries a word search could not see yet: the server's
   * search index trails its commits (by milliseconds; after an upgrade, while
   * it rebuilds). The list asks again until it is 0.
   */
  unsearched: number;
  /** What the list shows, normalized (see normalizeFilter): `{}` for everything. The inbox is part of it. */
  filter: DeliveryFilter;
  firstPage: 'loading' | 'ready' | 'error';
  /** Reading the newest page (at start, on a filter change or after a reconnect) failed. */
  loadError: string | null;
  loadingOlder: boolean;
  olderError: string | null;
  reachedEnd: boolean;
  selectedId: number | null;
  detail: DetailState;
  /**
   * Rows ticked for a bulk action (replay, export), apart from the one open in
   * the detail pane. Replaced, never mutated, so a selector sees each change.
   */
  checked: ReadonlySet<number>;

  start(): void;
  stop(): void;
  /** Re-reads the newest page after a failure. */
  retry(): void;
  /** Loads the next older page when there is one; safe to call on every scroll. */
  loadOlder(): void;
  retryOlder(): void;
  /** Replaces the whole filter; a different one starts the list over from the newest page. */
  setFilter(filter: DeliveryFilter): void;
  /** Changes only the inbox part of the filter (the header's inbox select). */
  setInbox(inbox: string | null): void;
  select(id: number): void;
  retryDetail(): void;
  /** Ticks or unticks a row; `range` (shift-click) extends from the row ticked last. */
  toggleChecked(id: number, range?: boolean): void;
  clearChecked(): void;
}

export interface DeliveriesStoreOptions {
  /**
   * Defaults to requestAnimationFrame; tests pass a manual scheduler. Both the
   * batching of live arrivals and the catch-up query of a narrowed list wait
   * for it, so a burst costs one render and at most one query per frame.
   */
  scheduleFrame?: (callback: () => void) => void;
  pageSize?: number;
  /** How soon a word search that missed the newest deliveries asks again (tests shorten it). */
  unsearchedRetryMs?: number;
}

export type DeliveriesStore = StoreApi<DeliveriesState>;

export function createDeliveriesStore(
  client: DataClient,
  options: DeliveriesStoreOptions = {},
): DeliveriesStore {
  const scheduleFrame = options.scheduleFrame ?? ((callback) => requestAnimationFrame(() => callback()));
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const unsearchedRetryMs = options.unsearchedRetryMs ?? UNSEARCHED_RETRY_MS;
  const rows = new DeliveryRows();
  const detailCache = new Map<number, DeliveryDetail>();

  // Live arrivals wait here for the next frame, so a burst costs one render.
  let pending: DeliveryListItem[] = [];
  // The server's count from the latest catch-up answer, applied with its items.
  let pendingTotal: number | null = null;
  let pendingTotalExact = true;
  let frameScheduled = false;
  let catchUpScheduled = false;
  // Bumped whenever the list starts over; answers to older requests are dropped.
  let listEpoch = 0;
  let detailRequest = 0;
  let resyncWanted = false;
  let unsubscribe: Array<() => void> = [];
  // Where a shift-click range starts: the row last ticked or unticked.
  let checkAnchor: number | null = null;
  // Deleted ids wait for the next frame too: a delete by filter arrives in many chunks.
  let pendingDeleted = new Set<number>();
  let deleteFrameScheduled = false;
  let unsearchedTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<DeliveriesState>()((set, get) => {
    const pageInput = (cursor?: { before: number; beforeAt: string }) =>
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
        // Counted by the server when it was asked (a narrowed list), else counted here.
        total: answered === null ? state.total + added : Math.max(answered, rows.count),
        totalExact: answered === null ? state.totalExact : answeredExact,
      }));
    };

    const scheduleFlush = () => {
      if (frameScheduled) return;
      frameScheduled = true;
      scheduleFrame(flush);
    };

    // Only the inbox (or nothing) narrows the list: the client checks arrivals itself.
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
     * A narrowed list cannot judge an arrival (full text lives in the server's
     * index), so it asks for what matches and has a larger id than any it
     * knows. The answer is in list order: when a full page comes back, the
     * rest follows its last row (the cursor). Everything found goes through
     * the same per-frame batching as live items, and so lands at its place in
     * the order.
     */
    const catchUp = async () => {
      const { filter, firstPage } = get();
      // Stopped (a frame scheduled before stop still runs), or the client can judge arrivals itself.
      if (unsubscribe.length === 0 || !isNarrowed(filter)) return;
      if (firstPage !== 'ready') {
        // Asked again once the first page is in; an error is retried by the user.
        if (firstPage === 'loading') resyncWanted = true;
        return;
      }
      const epoch = listEpoch;
      const after = newestKnownId();
      const found: DeliveryListItem[] = [];
      let total = 0;
      let totalExact = true;
      let unsearched = 0;
      let cursor: { before: number; beforeAt: string } | undefined;
      try {
        for (;;) {
          const page = await client.call(
            'deliveries.list',
            listInput(filter, { limit: CATCH_UP_LIMIT, after, ...cursor }),
          );
          if (epoch !== listEpoch) return;
          for (const item of page.items) found.push(item);
          total = page.total;
          totalExact = page.totalExact !== false;
          unsearched = Math.max(unsearched, page.unsearched ?? 0);
          const last = page.items.at(-1);
          if (page.items.length < CATCH_UP_LIMIT || last === undefined) break;
          cursor = pageAfter(last);
        }
      } catch (error) {
        if (epoch !== listEpoch) return;
        set({ loadError: `Could not load new matching deliveries: ${errorMessage(error)}` });
        return;
      }
      for (const item of found) pending.push(item);
      pendingTotal = total;
      pendingTotalExact = totalExact;
      if (get().loadError !== null) set({ loadError: null });
      noteUnsearched(unsearched);
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
     * next catch-up finds above the newest known row is exactly what was missed.
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
      if (isNarrowed(get().filter)) requestCatchUp();
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
      for (const id of ids) detailCache.delete(id);
      const removed = rows.remove(ids);
      const state = get();
      const checked = [...state.checked].some((id) => ids.has(id))
        ? new Set([...state.checked].filter((id) => !ids.has(id)))
        : state.checked;
      const selectedGone = state.selectedId !== null && ids.has(state.selectedId);
      if (removed > 0 || checked !== state.checked || selectedGone) {
        set((current) => ({
          version: removed === 0 ? current.version : current.version + 1,
          total: Math.max(rows.count, current.total - removed),
          checked,
          ...(selectedGone ? { selectedId: null, detail: { status: 'idle' as const } } : {}),
        }));
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
      const { firstPage, filter } = get();
      if (firstPage === 'loading') {
        resyncWanted = true;
        return;
      }
      if (firstPage === 'error') {
        void loadFirstPage();
        return;
      }
      if (isNarrowed(filter)) {
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
        set({ loadError: `Could not catch up after reconnecting: ${errorMessage(error)}` });
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
      arrived: 0,
      total: 0,
      totalExact: true,
      unsearched: 0,
      filter: {},
      firstPage: 'loading',
      loadError: null,
      loadingOlder: false,
      olderError: null,
      reachedEnd: false,
      selectedId: null,
      detail: { status: 'idle' },
      checked: new Set(),

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
        checkAnchor = null;
        set((state) => ({
          filter,
          version: state.version + 1,
          total: 0,
          totalExact: true,
          unsearched: 0,
          loadingOlder: false,
          olderError: null,
          reachedEnd: false,
          // A bulk action must act on rows the user can see: ticks under another filter are dropped.
          checked: state.checked.size === 0 ? state.checked : new Set(),
        }));
        void loadFirstPage();
      },

      setInbox(inbox) {
        const { inbox: _previous, ...rest } = get().filter;
        get().setFilter(inbox === null ? rest : { ...rest, inbox });
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

      toggleChecked(id, range = false) {
        set({ checked: toggleChecked(get().checked, id, rows, range ? checkAnchor : null) });
        checkAnchor = id;
      },

      clearChecked() {
        checkAnchor = null;
        if (get().checked.size > 0) set({ checked: new Set() });
      },
    };
  });
}
