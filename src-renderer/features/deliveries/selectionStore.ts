import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeliveryDetailStore } from './detailStore';
import type { DeliveryRows } from './rows';
import { toggleTicked } from './ticked';

/**
 * Two different choices of rows, named apart so they cannot be confused:
 * the one row open in the detail pane, and the rows ticked for a bulk action.
 */
export interface DeliverySelectionState {
  /** The row open in the detail pane (clicked, or moved to with the keys); null when none. */
  openId: number | null;
  /**
   * Rows ticked for a bulk action (replay, export, delete), apart from the
   * open one. Replaced, never mutated, so a selector sees each change.
   */
  ticked: ReadonlySet<number>;
  /** Opens a row and shows its detail; opening the open row again only retries a failed read. */
  open(id: number): void;
  /** Ticks or unticks a row; `range` (shift-click) extends from the row ticked last. */
  toggleTicked(id: number, range?: boolean): void;
  clearTicked(): void;
  /** Deleted on the server: unticked, and closed when open. */
  forget(ids: ReadonlySet<number>): void;
}

export type DeliverySelectionStore = StoreApi<DeliverySelectionState>;

/** `rows`: the live list's, where a shift-click range is counted. */
export function createDeliverySelectionStore(
  rows: DeliveryRows,
  detail: DeliveryDetailStore,
): DeliverySelectionStore {
  // Where a shift-click range starts: the row last ticked or unticked.
  let tickAnchor: number | null = null;

  return createStore<DeliverySelectionState>()((set, get) => ({
    openId: null,
    ticked: new Set(),

    open(id) {
      if (id === get().openId && detail.getState().detail.status !== 'error') return;
      set({ openId: id });
      detail.getState().show(id);
    },

    toggleTicked(id, range = false) {
      set({ ticked: toggleTicked(get().ticked, id, rows, range ? tickAnchor : null) });
      tickAnchor = id;
    },

    clearTicked() {
      tickAnchor = null;
      if (get().ticked.size > 0) set({ ticked: new Set() });
    },

    forget(ids) {
      const { ticked, openId } = get();
      const closed = openId !== null && ids.has(openId);
      const untick = [...ticked].some((id) => ids.has(id));
      if (!closed && !untick) return;
      set({
        ...(untick ? { ticked: new Set([...ticked].filter((id) => !ids.has(id))) } : {}),
        ...(closed ? { openId: null } : {}),
      });
      if (closed) detail.getState().clear();
    },
  }));
}
