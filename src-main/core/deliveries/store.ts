import type {
  DeliveryFilter,
  DeliveryListItem,
  Invocation,
  Problem,
  SummaryChat,
  SummaryUser,
} from '@contract';
import type { NewDelivery } from './records';

/** A delivery as stored: what the receiver handed over, with its id and what the store decided about it. */
export interface StoredDelivery extends Omit<NewDelivery, 'invocation' | 'problem'> {
  id: number;
  problem: Problem | null;
  /** For a duplicate: the first accepted copy of the same update in the same inbox. */
  duplicateOf: number | null;
  invocation: Invocation | null;
}

/** What a replay needs of a delivery: the bytes and headers it sends again. */
export type ReplaySource = Pick<StoredDelivery, 'id' | 'headers' | 'body' | 'bodyOmitted'>;

export interface DeliveryPage {
  items: DeliveryListItem[];
  total: number;
  totalExact: boolean;
  /** Deliveries too new for the search index: a text search could not see them (see ListDeliveriesOutput). */
  unsearched?: number;
}

export type DeliverySearch = DeliveryFilter & {
  /** The last row of the previous page: its id, and its received time (ISO) when known. */
  before?: number | undefined;
  beforeAt?: string | undefined;
  after?: number | undefined;
  limit: number;
};

/** A user as last seen in a platform delivery, with the chat of that delivery. */
export interface SeenUser {
  user: SummaryUser;
  chat: SummaryChat | null;
}

/**
 * Deliveries, on SQLite (one person) or PostgreSQL (a team server): the
 * same results for the same data, which one conformance suite checks.
 */
export interface DeliveryStore {
  /** Stores a batch in one transaction (the group commit); resolves once it is durable. */
  insertAll(rows: NewDelivery[]): Promise<DeliveryListItem[]>;
  /**
   * Newest first, narrowed by the filter; `total` counts the matches,
   * ignoring the cursors: exactly when they are few (or the filter is an
   * inbox alone), and as TOTAL_COUNTED_UP_TO with `totalExact: false` past it.
   */
  search(query: DeliverySearch): Promise<DeliveryPage>;
  count(inbox?: string): Promise<number>;
  /** These deliveries as the list shows them, oldest first; ids not stored are left out. */
  listByIds(ids: readonly number[]): Promise<DeliveryListItem[]>;
  /** The newest delivery's id, or 0: where a replica starts relaying others' deliveries from. */
  lastId(): Promise<number>;
  get(id: number): Promise<StoredDelivery | null>;
  /**
   * What replays send of these deliveries, in one read (a bulk replay reads a
   * chunk at a time instead of a whole row per delivery); ids not stored are left out.
   */
  replaySources(ids: readonly number[]): Promise<Map<number, ReplaySource>>;
  /** Removes an inbox's deliveries beyond the newest `keepCount` and those received before `olderThan` (ms). */
  prune(inbox: string, keepCount: number | null, olderThan: number | null): Promise<number>;
  /** Deletes these deliveries (ids not stored are skipped) with their search rows; returns the ids that went. */
  deleteIds(ids: readonly number[]): Promise<number[]>;
  /** Exactly how many deliveries the filter matches among those with an id up to `upToId`. */
  countMatching(filter: DeliveryFilter, upToId: number): Promise<number>;
  /**
   * Deletes at most `limit` of the oldest deliveries the filter matches with an
   * id up to `upToId`, in one transaction; returns their ids. A delete by
   * filter calls it until it returns none, so memory stays bounded by `limit`.
   */
  deleteMatchingChunk(filter: DeliveryFilter, upToId: number, limit: number): Promise<number[]>;
  /** Is this exact delivery (time, inbox, request line and body bytes) already stored? */
  hasSame(d: NewDelivery): Promise<boolean>;
  /** The largest update_id stored: renumbered replays continue after it. */
  maxUpdateId(): Promise<number>;
  seenUser(id: string): Promise<SeenUser | null>;
}
