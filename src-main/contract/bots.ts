import { z } from 'zod';

export const BotPlatform = z.enum(['solafon', 'telegram']);
export type BotPlatform = z.infer<typeof BotPlatform>;

/** getWebhookInfo of either platform; fields a platform does not report are null. */
export const WebhookInfo = z.object({
  url: z.string(),
  hasCustomCertificate: z.boolean().nullable(),
  pendingUpdateCount: z.number().int().nullable(),
  ipAddress: z.string().nullable(),
  /** Unix seconds, as the platforms report them. */
  lastErrorDate: z.number().int().nullable(),
  lastErrorMessage: z.string().nullable(),
  lastSynchronizationErrorDate: z.number().int().nullable(),
  maxConnections: z.number().int().nullable(),
  allowedUpdates: z.array(z.string()).nullable(),
});
export type WebhookInfo = z.infer<typeof WebhookInfo>;

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

export const SetWebhookInput = z.object({
  url: z.string().min(1),
  /** Telegram only: 1–256 of A-Z a-z 0-9 _ - */
  secretToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'a secret token is 1–256 letters, digits, "_" or "-"')
    .optional(),
  dropPendingUpdates: z.boolean().optional(),
  maxConnections: z.number().int().min(1).max(100).optional(),
  allowedUpdates: z.array(z.string()).optional(),
});
export type SetWebhookInput = z.infer<typeof SetWebhookInput>;

export const SentMessage = z.object({
  messageId: z.union([z.number(), z.string()]).nullable(),
  chatId: z.union([z.number(), z.string()]),
  text: z.string(),
  raw: z.unknown(),
});
export type SentMessage = z.infer<typeof SentMessage>;
