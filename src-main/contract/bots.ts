import { z } from 'zod';
import { SECRET_TOKEN, SECRET_TOKEN_OR_EMPTY, WEBHOOK_MAX_CONNECTIONS } from './bot-rules';
import { InboxName } from './deliveries';
import { HttpUrl } from './http-url';
import { DEFAULT_INBOX } from './inbox-rules';

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
    .regex(SECRET_TOKEN, 'a secret token is 1–256 letters, digits, "_" or "-"')
    .optional(),
  dropPendingUpdates: z.boolean().optional(),
  maxConnections: z.number().int().min(1).max(WEBHOOK_MAX_CONNECTIONS).optional(),
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

/** A bot profile as the UI sees it: secrets never leave core, only whether they are set. */
export const BotProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  platform: BotPlatform,
  baseUrl: z.string(),
  /** The URL the platform should call (e.g. a tunnel's https URL); empty when not set. */
  publicUrl: z.string(),
  /** The inbox that URL feeds. */
  inbox: z.string(),
  appId: z.string().nullable(),
  hasToken: z.boolean(),
  hasJwt: z.boolean(),
  /** Telegram: a webhook secret token is kept (sent on setWebhook, and on replays when asked). */
  hasWebhookSecret: z.boolean(),
  /** The built-in sandbox bot: loopback http webhooks allowed, clearly marked. */
  sandbox: z.boolean(),
  createdAt: z.string(),
});
export type BotProfile = z.infer<typeof BotProfile>;

const ProfileName = z.string().trim().min(1, 'a profile needs a name').max(80);

export const ProfileInput = z
  .object({
    name: ProfileName,
    platform: BotPlatform,
    baseUrl: HttpUrl,
    publicUrl: z.union([z.literal(''), HttpUrl]).default(''),
    inbox: InboxName.default(DEFAULT_INBOX),
    appId: z.string().trim().max(200).nullable().default(null),
    /** Omitted on update: keep the stored secret. Empty string: remove it. */
    token: z.string().max(4096).optional(),
    jwt: z.string().max(8192).optional(),
    webhookSecret: z
      .string()
      .regex(SECRET_TOKEN_OR_EMPTY, 'a secret token is 1–256 letters, digits, "_" or "-"')
      .optional(),
  })
  .strict();
export type ProfileInput = z.input<typeof ProfileInput>;

export const ProfileRef = z.object({ profileId: z.number().int().positive() }).strict();

export const SentReply = z.object({
  id: z.number().int(),
  profileId: z.number().int(),
  chatId: z.union([z.number(), z.string()]),
  text: z.string(),
  /** Delivery this reply answered, when it was opened from one. */
  deliveryId: z.number().int().nullable(),
  sentAt: z.string(),
  ok: z.boolean(),
  /** The platform's answer on success, or the error text. */
  result: z.string(),
});
export type SentReply = z.infer<typeof SentReply>;

/** A button of a bot message's inline keyboard: it sends callback data, or opens a URL. */
export const SandboxButton = z.object({
  text: z.string(),
  callback_data: z.string().optional(),
  url: z.string().optional(),
});

export const SandboxChatMessage = z.object({
  id: z.number().int(),
  chatId: z.number().int(),
  messageId: z.number().int(),
  sender: z.enum(['user', 'bot']),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  /** For a press: the button's text; for a photo: its caption. */
  text: z.string(),
  /** Unix seconds. */
  date: z.number().int(),
  /** `callback`: a user pressed a button; `callback_answer`: the bot's answerCallbackQuery text (a toast). */
  kind: z.enum(['text', 'photo', 'new_member', 'callback', 'callback_answer']),
  /** Unix seconds of the latest edit. */
  editedAt: z.number().int().nullable(),
  replyMarkup: z.object({ inline_keyboard: z.array(z.array(SandboxButton)) }).nullable(),
  /** A user's row: how the update that last carried it fared at the bot's webhook. */
  delivery: z
    .object({
      state: z.enum(['pending', 'delivered', 'retrying', 'failed']),
      failures: z.number().int(),
      lastError: z.string().nullable(),
    })
    .nullable(),
});

/** Who writes in the sandbox chat. */
export const SandboxWriter = z.object({
  userId: z.number().int().positive(),
  name: z.string().trim().min(1).max(64).optional(),
});

export const CannedUpdateKind = z.enum(['command', 'text', 'callback', 'edited', 'new_member', 'photo']);
export type CannedUpdateKind = z.infer<typeof CannedUpdateKind>;

export const SandboxQueued = z.object({ updateId: z.number().int() });
export type SandboxChatMessage = z.infer<typeof SandboxChatMessage>;

export const SandboxInfo = z.object({
  url: z.string(),
  botId: z.number().int(),
  username: z.string(),
  /** The sandbox bot's token: it only works on this machine's sandbox. */
  token: z.string(),
  profileId: z.number().int().nullable(),
});
export type SandboxInfo = z.infer<typeof SandboxInfo>;

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
