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

export const Inbox = z.object({
  name: InboxName,
  createdAt: z.string(),
  deliveryCount: z.number().int(),
  /** The URL a platform should POST to. */
  url: z.string(),
});
export type Inbox = z.infer<typeof Inbox>;
