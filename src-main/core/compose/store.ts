import type { SentReply } from '@contract';

/** Replies sent from Compose, with what the platform answered; on SQLite or PostgreSQL. */
export interface ReplyStore {
  add(reply: Omit<SentReply, 'id' | 'sentAt'>): Promise<SentReply>;
  /** Newest first. */
  list(profileId: number, limit: number): Promise<SentReply[]>;
}
