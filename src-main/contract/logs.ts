import { z } from 'zod';
import { ProfileRef } from './profiles';

/**
 * One attempt from Solafon's `webhookLogs`. The field names are not
 * published: what we recognise is lifted out, the rest kept in `raw`.
 */
export const WebhookLogEntry = z.object({
  time: z.string().nullable(),
  updateId: z.number().int().nullable(),
  url: z.string().nullable(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  responseTimeMs: z.number().nullable(),
  raw: z.record(z.string(), z.unknown()),
});
export type WebhookLogEntry = z.infer<typeof WebhookLogEntry>;

/** The logs part of the method table: the platform's delivery log for a profile's webhook. */
export const logsMethodTable = {
  'logs.list': { input: ProfileRef, output: z.object({ items: z.array(WebhookLogEntry) }) },
};
