export interface InboxRow {
  name: string;
  /** ms since the epoch. */
  createdAt: number;
}

/**
 * Inboxes, on SQLite or PostgreSQL. The receiver asks `has` on every
 * request, so it is answered from memory; `reload` re-reads what another
 * replica changed (it says so with an event).
 */
export interface InboxStore {
  has(name: string): boolean;
  /** By name. */
  list(): Promise<InboxRow[]>;
  /** False when an inbox of that name already exists. */
  create(name: string): Promise<boolean>;
  /**
   * Removes an inbox and its settings (not its deliveries: the caller deletes
   * those in chunks, after the receiver stops taking new ones for it). False
   * when there was none of that name.
   */
  delete(name: string): Promise<boolean>;
  reload(): Promise<void>;
}
