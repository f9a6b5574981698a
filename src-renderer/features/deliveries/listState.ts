import type { DeliveryFilter } from '@contract';
import type { CallError } from '../../api/callError';
import type { LiveMode } from './filter';
import type { ScheduleFrame } from './frames';
import type { DeliveryRows } from './rows';

/** What the live list shows and can do (see createDeliveryListStore). */
export interface DeliveryListState {
  /**
   * Mutated in place (see DeliveryRows): a 100,000-row list is not copied per
   * frame. Subscribe to `version` to learn that it changed.
   */
  rows: DeliveryRows;
  version: number;
  /** Live arrivals since the store started (never pages): what "unseen" counts from. */
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
  /** How new deliveries reach the list under this filter (see LiveMode). */
  mode: LiveMode;
  firstPage: 'loading' | 'ready' | 'error';
  /** Reading the newest page (at start, on a filter change or after a reconnect) failed. */
  loadError: CallError | null;
  loadingOlder: boolean;
  olderError: CallError | null;
  reachedEnd: boolean;

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
}

export interface DeliveryListOptions {
  /**
   * Defaults to the next animation frame, with a timer when none comes (a
   * hidden tab), and no sooner than MIN_REDRAW_MS after the last run; tests
   * pass a manual scheduler. Both the batching of live arrivals and the
   * catch-up query wait for it, so a burst costs one render and at most one
   * query per run.
   */
  scheduleFrame?: ScheduleFrame;
  pageSize?: number;
  /** How soon a word search that missed the newest deliveries asks again (tests shorten it). */
  unsearchedRetryMs?: number;
  /** Told, once per frame, which deliveries were deleted: the detail cache and the selection let go of them. */
  onRemoved?: (ids: ReadonlySet<number>) => void;
}
