import type { ReplayAttempt } from '@contract';

export type NewAttempt = Omit<ReplayAttempt, 'id' | 'sentAt' | 'sentHeaders' | 'sentBody'> & {
  sentAt: number;
  /** The request's headers as sent (forwarding may leave them out). */
  sentHeaders?: Array<[string, string]>;
  /** Only when the bytes sent differ from the original (edited, renumbered). */
  sentBody?: string | null;
};

/** Replay and forwarding attempts; many are written at once (a bulk replay is thousands). */
export interface AttemptStore {
  insertAll(attempts: NewAttempt[]): Promise<void>;
  /** Newest first, at most 200. */
  list(deliveryId: number): Promise<ReplayAttempt[]>;
}
