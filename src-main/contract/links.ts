import { z } from 'zod';
import {
  COMMAND_NAME,
  LINK_EXPIRY_MAX,
  LINK_USER_ID_MAX,
  PARAM_NAME_MAX,
  PARAM_VALUE_MAX,
} from './link-rules';

export const Command = z.object({
  name: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export type Command = z.infer<typeof Command>;

export const CommandName = z
  .string()
  .regex(COMMAND_NAME, 'a command name is 1–64 letters, digits, "_", "." or "-", not starting with a digit');

/** How long a signed link stays valid, in seconds (at most ten years); null: it never expires. */
export const LinkExpiry = z.number().int().positive().max(LINK_EXPIRY_MAX).nullable();

/** What new links get unless told otherwise: a link is reusable until it expires. */
export const LinkDefaults = z.object({ expiresIn: LinkExpiry }).strict();
export type LinkDefaults = z.infer<typeof LinkDefaults>;

export const SignLinkInput = z
  .object({
    /** The bot the link belongs to; default: the sandbox bot. */
    profileId: z.number().int().positive().optional(),
    command: CommandName,
    userId: z.union([z.number().int(), z.string().trim().min(1).max(LINK_USER_ID_MAX)]),
    /** JSON text of the options, or omitted for none. */
    options: z.string().optional(),
    params: z
      .array(z.tuple([z.string().min(1).max(PARAM_NAME_MAX), z.string().max(PARAM_VALUE_MAX)]))
      .default([]),
    redirect: z.string().optional(),
    /** Seconds from now; null: never expires; omitted: the default for new links (`links.defaults`). */
    expiresIn: LinkExpiry.optional(),
    /** Where the link points; default: the profile's public https origin, else the local receiver. */
    baseUrl: z.string().optional(),
  })
  .strict();
export type SignLinkInput = z.input<typeof SignLinkInput>;

export const SignedLink = z.object({ url: z.string(), kid: z.string(), expiresAt: z.string().nullable() });
export type SignedLink = z.infer<typeof SignedLink>;

export const LinkVerdict = z.object({
  valid: z.boolean(),
  /** The failed check's code, null when valid. */
  check: z.string().nullable(),
  reason: z.string().nullable(),
  fields: z
    .object({
      botId: z.number().int(),
      command: z.string(),
      user: z.string(),
      options: z.string().nullable(),
      params: z.array(z.tuple([z.string(), z.string()])),
      redirect: z.string().nullable(),
      expiresAt: z.string().nullable(),
      kid: z.string(),
    })
    .nullable(),
});
export type LinkVerdict = z.infer<typeof LinkVerdict>;

export const SigningKey = z.object({
  kid: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  active: z.boolean(),
});
/** A signing key as the UI sees it: never its secret. */
export type SigningKey = z.infer<typeof SigningKey>;
