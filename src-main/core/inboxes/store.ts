import type { Forwarding, InboxSettings, ResponseRule, Retention, SecretCheck } from '@contract';

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

export type InboxSettingsChange = {
  forwarding?: Forwarding | null;
  rule?: ResponseRule | null;
  retention?: Retention;
  secretCheck?: SecretCheck | null;
};

/**
 * Per-inbox forwarding, response rule and retention. Reads come from memory
 * (the receiver asks on every delivery); writes go through to the database.
 */
export interface InboxSettingsStore {
  get(inbox: string): InboxSettings;
  all(): InboxSettings[];
  configure(inbox: string, change: InboxSettingsChange): Promise<InboxSettings>;
  /**
   * The rule's answer for this delivery, or null when there is none or it
   * does not apply; counting toward "first N" is atomic across replicas.
   */
  takeRule(inbox: string, random?: () => number): Promise<ResponseRule | null>;
  reload(): Promise<void>;
}
