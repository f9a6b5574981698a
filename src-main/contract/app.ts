import { z } from 'zod';
import { InboxName } from './deliveries';

export const Durability = z.enum(['full', 'normal']);
export type Durability = z.infer<typeof Durability>;

export const AppInfo = z.object({
  version: z.string(),
  /** Base URL of the webhook receiver, e.g. http://127.0.0.1:8787 */
  receiverUrl: z.string(),
  dataDir: z.string(),
  maxBodyBytes: z.number().int(),
  durability: Durability,
  defaultInbox: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Where shared state lives and whether it can be reached now. Only a team
 * server's PostgreSQL can be away; while it is, deliveries are answered 503
 * (the platforms retry) and calls that need it fail as `unavailable`.
 */
export const StoreStatus = z.object({
  engine: z.enum(['sqlite', 'postgres']),
  state: z.enum(['ok', 'unavailable']),
  /** Why it is unavailable (the database's address never includes its password). */
  reason: z.string().nullable(),
  /** When the state began, ISO 8601. */
  since: z.string(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export const Inbox = z.object({
  name: InboxName,
  createdAt: z.string(),
  deliveryCount: z.number().int(),
  /** The URL a platform should POST to. */
  url: z.string(),
});
export type Inbox = z.infer<typeof Inbox>;
