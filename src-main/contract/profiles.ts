import { z } from 'zod';
import { HttpUrl } from './http-url';
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
    inbox: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'an inbox name is 1–64 letters, digits, "_" or "-"')
      .default('default'),
    appId: z.string().trim().max(200).nullable().default(null),
    /** Omitted on update: keep the stored secret. Empty string: remove it. */
    token: z.string().max(4096).optional(),
    jwt: z.string().max(8192).optional(),
    webhookSecret: z
      .string()
      .regex(/^([A-Za-z0-9_-]{1,256})?$/, 'a secret token is 1–256 letters, digits, "_" or "-"')
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
