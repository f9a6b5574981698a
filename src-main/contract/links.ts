import { z } from 'zod';
import { CommandName } from './commands';
import { LINK_EXPIRY_MAX, LINK_USER_ID_MAX, PARAM_NAME_MAX, PARAM_VALUE_MAX } from './link-rules';
import { NoInput } from './no-input';

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

/** The links part of the method table: signing and verifying per-user links, and their keys. */
export const linksMethodTable = {
  /** getUrl / getUrlFor: a signed link that runs a command for one user. */
  'links.sign': { input: SignLinkInput, output: SignedLink },
  /** Which check a pasted link fails, or valid. */
  'links.verify': { input: z.object({ url: z.string().min(1) }).strict(), output: LinkVerdict },
  'links.keys': {
    input: z.object({ profileId: z.number().int().positive() }).strict(),
    output: z.object({ items: z.array(SigningKey) }),
  },
  'links.rotateKey': {
    input: z.object({ profileId: z.number().int().positive() }).strict(),
    output: SigningKey,
  },
  /**
   * Revokes what a key signed. Retiring the active key makes a fresh active
   * key at once (its id in `replacedBy`): an older, rotated-out key never
   * signs again.
   */
  'links.retireKey': {
    input: z.object({ profileId: z.number().int().positive(), kid: z.string() }).strict(),
    output: z.object({ retired: z.literal(true), replacedBy: z.string().nullable() }),
  },
  /** The expiry new links get when `links.sign` is given none. */
  'links.defaults': { input: NoInput, output: LinkDefaults },
  'links.setDefaults': { input: LinkDefaults, output: LinkDefaults },
};
