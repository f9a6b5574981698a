import { z } from 'zod';
import { SECRET_TOKEN } from './bot-rules';
import { DeliveryFilter } from './deliveries';
import { HttpUrl } from './http-url';
import { InboxName } from './inboxes';
import {
  EDITED_BODY_MAX,
  HEADER_NAME_MAX,
  HEADER_VALUE_MAX,
  REPLAY_CONCURRENCY_DEFAULT,
  REPLAY_CONCURRENCY_MAX,
  REPLAY_DELIVERIES_MAX,
  REPLAY_HEADERS_MAX,
  REPLAY_RATE_MAX,
} from './replay-rules';

export const ReplayInput = z
  .object({
    target: HttpUrl,
    /** Which deliveries: these ids, or everything matching the filter (at most 100,000). */
    deliveryIds: z.array(z.number().int().positive()).min(1).max(REPLAY_DELIVERIES_MAX).optional(),
    filter: DeliveryFilter.optional(),
    /** Original headers to send again besides Content-Type (names, any case). */
    keepHeaders: z.array(z.string().min(1).max(HEADER_NAME_MAX)).max(REPLAY_HEADERS_MAX).default([]),
    /** Headers to add or override. */
    headers: z
      .array(z.tuple([z.string().min(1).max(HEADER_NAME_MAX), z.string().max(HEADER_VALUE_MAX)]))
      .max(REPLAY_HEADERS_MAX)
      .default([]),
    /** Sets X-Telegram-Bot-Api-Secret-Token, as Telegram does for a webhook with a secret. */
    secretToken: z.string().regex(SECRET_TOKEN, 'a secret token is 1–256 of A-Z a-z 0-9 _ -').optional(),
    /** Sets the secret header from this bot profile's webhook secret. */
    secretFromProfileId: z.number().int().positive().optional(),
    /** A replacement JSON body (one delivery only); the original bytes are sent otherwise. */
    editedBody: z.string().max(EDITED_BODY_MAX).optional(),
    /** Give each replay a fresh update_id (bots drop ids they have seen). */
    renumberUpdateId: z.boolean().default(false),
    concurrency: z.number().int().min(1).max(REPLAY_CONCURRENCY_MAX).default(REPLAY_CONCURRENCY_DEFAULT),
    /** Requests per second at most; omitted: as fast as concurrency allows. */
    ratePerSecond: z.number().positive().max(REPLAY_RATE_MAX).optional(),
  })
  .strict()
  .refine((v) => (v.deliveryIds === undefined) !== (v.filter === undefined), {
    message: 'give either deliveryIds or filter',
  })
  .refine((v) => v.secretToken === undefined || v.secretFromProfileId === undefined, {
    message: 'give secretToken or secretFromProfileId, not both',
    path: ['secretFromProfileId'],
  })
  .refine((v) => v.editedBody === undefined || v.deliveryIds?.length === 1, {
    message: 'an edited body replays exactly one delivery',
    path: ['editedBody'],
  });
export type ReplayInput = z.input<typeof ReplayInput>;

export const ReplayAttempt = z.object({
  id: z.number().int(),
  deliveryId: z.number().int(),
  jobId: z.string(),
  target: z.string(),
  /** null when no HTTP answer came (refused, timeout). */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  responseHeaders: z.array(z.tuple([z.string(), z.string()])),
  /** The answer's body as text, at most 64 KiB. */
  responseBody: z.string(),
  responseTruncated: z.boolean(),
  /** SHA-256 of the bytes sent, hex: equal to the original's when sent unchanged. */
  sentBodySha256: z.string(),
  /** The request's headers exactly as sent; empty for attempts stored before they were kept. */
  sentHeaders: z.array(z.tuple([z.string(), z.string()])),
  /**
   * The body sent, when it differs from the original (edited, renumbered);
   * null when the original bytes went (or nothing was sent): the sha says which.
   */
  sentBody: z.string().nullable(),
  sentAt: z.string(),
});
export type ReplayAttempt = z.infer<typeof ReplayAttempt>;

export const ReplayProgress = z.object({
  jobId: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  /** The deliveries that got no 2xx answer, in the order they ended: the first FAILED_IDS_LISTED only. */
  failedIds: z.array(z.number().int()).max(100),
  state: z.enum(['running', 'finished', 'cancelled']),
});

/** How many failed deliveries a progress report names (the count goes on past it). */
export const FAILED_IDS_LISTED = 100;
export type ReplayProgress = z.infer<typeof ReplayProgress>;

/** How many targets an inbox remembers: the most recently used, named ones before unnamed ones. */
export const REPLAY_TARGETS_KEPT = 20;

export const ReplayTargetName = z
  .string()
  .trim()
  .min(1, 'a name is not empty')
  .max(60, 'a name is at most 60 characters')
  .regex(/^[^\p{Cc}]*$/u, 'a name has no control characters');

/** A target a replay went to from an inbox, kept in the store so every browser and restart sees it. */
export const ReplayTarget = z.object({
  inbox: z.string(),
  url: z.string(),
  /** A name given to it ("staging bot"); null when unnamed. */
  name: z.string().nullable(),
  usedAt: z.string(),
});
export type ReplayTarget = z.infer<typeof ReplayTarget>;

/** The replay part of the method table: sending stored deliveries again, and where to. */
export const replayMethodTable = {
  /** Sends stored deliveries again to a target; progress arrives as `replay.progress` events. */
  'replay.start': { input: ReplayInput, output: ReplayProgress },
  'replay.cancel': { input: z.object({ jobId: z.string() }).strict(), output: ReplayProgress },
  /** Every replay of one delivery, newest first, for the side-by-side view. */
  'replay.attempts': {
    input: z.object({ deliveryId: z.number().int().positive() }).strict(),
    output: z.object({ items: z.array(ReplayAttempt) }),
  },
  /**
   * The targets replays went to from an inbox, most recently used first (at
   * most REPLAY_TARGETS_KEPT); without an inbox, the latest of every inbox.
   * `replay.start` remembers its target for the inbox of the deliveries it sends.
   */
  'replay.targets': {
    input: z.object({ inbox: InboxName.optional() }).strict(),
    output: z.object({ items: z.array(ReplayTarget) }),
  },
  /** Names a target of an inbox (remembering it if it was not); a null name takes the name away. */
  'replay.nameTarget': {
    input: z
      .object({
        inbox: InboxName,
        url: z.string().max(2048).pipe(HttpUrl),
        name: ReplayTargetName.nullable(),
      })
      .strict(),
    output: ReplayTarget,
  },
  'replay.forgetTarget': {
    input: z.object({ inbox: InboxName, url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },
};
