import { z } from 'zod';
import { SECRET_TOKEN_OR_EMPTY } from './bot-rules';
import { HttpUrl } from './http-url';
import { DEFAULT_INBOX } from './inbox-rules';
import { InboxName } from './inboxes';
import { NoInput } from './no-input';

export const BotPlatform = z.enum(['solafon', 'telegram']);
export type BotPlatform = z.infer<typeof BotPlatform>;

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

/** The profiles part of the method table. */
export const profilesMethodTable = {
  'profiles.list': { input: NoInput, output: z.object({ items: z.array(BotProfile) }) },
  'profiles.create': { input: ProfileInput, output: BotProfile },
  'profiles.update': { input: ProfileInput.extend({ id: z.number().int().positive() }), output: BotProfile },
  'profiles.delete': { input: ProfileRef, output: z.object({ deleted: z.literal(true) }) },
};
