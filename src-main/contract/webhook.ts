import { z } from 'zod';
import { SECRET_TOKEN, WEBHOOK_MAX_CONNECTIONS } from './bot-rules';
import { ProfileRef } from './profiles';

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

export const SetWebhookInput = z.object({
  url: z.string().min(1),
  /** Telegram only: 1–256 of A-Z a-z 0-9 _ - */
  secretToken: z
    .string()
    .regex(SECRET_TOKEN, 'a secret token is 1–256 letters, digits, "_" or "-"')
    .optional(),
  dropPendingUpdates: z.boolean().optional(),
  maxConnections: z.number().int().min(1).max(WEBHOOK_MAX_CONNECTIONS).optional(),
  allowedUpdates: z.array(z.string()).optional(),
});
export type SetWebhookInput = z.infer<typeof SetWebhookInput>;

/**
 * A webhook check: the state, or why it could not be read. A platform that
 * cannot be reached is an expected answer for a poll, not a failed call, so
 * the UI can back off without an error per attempt.
 */
export const WebhookCheck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), info: WebhookInfo }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['upstream', 'bad-input', 'unavailable']),
      message: z.string(),
      details: z
        .object({
          kind: z.enum(['refused', 'api', 'timeout', 'network', 'invalid-response']).optional(),
          status: z.number().int().nullable().optional(),
          description: z.string().optional(),
          retryAfter: z.number().nullable().optional(),
        })
        .optional(),
    }),
  }),
]);
export type WebhookCheck = z.infer<typeof WebhookCheck>;

/** The webhook part of the method table: a profile's webhook state on its platform. */
export const webhookMethodTable = {
  'webhook.info': { input: ProfileRef, output: WebhookInfo },
  /** webhook.info for a poll: a platform failure (or a profile that cannot call it) is an answer, not an error. */
  'webhook.check': { input: ProfileRef, output: WebhookCheck },
  /** Answers with getWebhookInfo after the change. */
  'webhook.set': {
    input: SetWebhookInput.extend({ profileId: z.number().int().positive() }).strict(),
    output: WebhookInfo,
  },
  'webhook.delete': {
    input: ProfileRef.extend({ dropPendingUpdates: z.boolean().default(false) }),
    output: WebhookInfo,
  },
};
