import type { ReplayAttempt } from '@contract';

export type NewAttempt = Omit<ReplayAttempt, 'id' | 'sentAt'> & { sentAt: number };

/** Replay and forwarding attempts; many are written at once (a bulk replay is thousands). */
export interface AttemptStore {
  insertAll(attempts: NewAttempt[]): Promise<void>;
  /** Newest first, at most 200. */
  list(deliveryId: number): Promise<ReplayAttempt[]>;
}
