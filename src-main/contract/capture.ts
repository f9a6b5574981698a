import { z } from 'zod';
import { HttpUrl } from './http-url';
import { InboxName } from './inboxes';
import { NoInput } from './no-input';
import { ProfileRef } from './profiles';

/** The webhook as it was when a capture began: what Stop puts back. */
export const SavedWebhook = z.object({
  url: z.string(),
  allowedUpdates: z.array(z.string()).nullable(),
  maxConnections: z.number().int().nullable(),
  ipAddress: z.string().nullable(),
  /**
   * getWebhookInfo never tells the secret: it is restored from the profile's
   * kept webhook secret. False when the profile keeps none.
   */
  secretKnown: z.boolean(),
});
export type SavedWebhook = z.infer<typeof SavedWebhook>;

/** A Telegram profile's updates taken by getUpdates while its webhook is off. */
export const CaptureStatus = z.object({
  profileId: z.number().int(),
  inbox: InboxName,
  /** Each captured update is also forwarded here (the developer's local bot); null: kept only. */
  tapUrl: z.string().nullable(),
  startedAt: z.string(),
  captured: z.number().int(),
  /** The last getUpdates failure, while it lasts. */
  lastError: z.string().nullable(),
  saved: SavedWebhook,
});
export type CaptureStatus = z.infer<typeof CaptureStatus>;

export const StartCaptureInput = z
  .object({
    profileId: z.number().int().positive(),
    inbox: InboxName,
    tapUrl: HttpUrl.nullable().default(null),
  })
  .strict();

/** The capture part of the method table: Telegram updates taken with getUpdates. */
export const captureMethodTable = {
  /**
   * Telegram capture without a public URL: remembers the webhook, deletes
   * it, and takes updates with getUpdates into an inbox (and to a tap URL).
   */
  'capture.start': { input: StartCaptureInput, output: CaptureStatus },
  /** Drains what is left, then sets the webhook back exactly as it was. */
  'capture.stop': { input: ProfileRef, output: CaptureStatus },
  'capture.list': { input: NoInput, output: z.object({ items: z.array(CaptureStatus) }) },
};
