import { z } from 'zod';
import { INBOX_NAME } from './inbox-rules';
import { NoInput } from './no-input';

export const InboxName = z.string().regex(INBOX_NAME, 'an inbox name is 1–64 letters, digits, "_" or "-"');

export const Inbox = z.object({
  name: InboxName,
  createdAt: z.string(),
  deliveryCount: z.number().int(),
  /** The URL a platform should POST to. */
  url: z.string(),
});
export type Inbox = z.infer<typeof Inbox>;

/** The inboxes part of the method table (clearing and deleting one is the delete feature's). */
export const inboxesMethodTable = {
  'inboxes.list': { input: NoInput, output: z.object({ items: z.array(Inbox) }) },
  'inboxes.create': { input: z.object({ name: InboxName }).strict(), output: Inbox },
};
