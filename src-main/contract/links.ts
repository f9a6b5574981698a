import { z } from 'zod';

export const Command = z.object({
  name: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export type Command = z.infer<typeof Command>;

export const CommandName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/,
    'a command name is 1–64 letters, digits, "_", "." or "-", not starting with a digit',
  );

/** How long a signed link stays valid, in seconds (at most ten years); null: it never expires. */
export const LinkExpiry = z
  .number()
  .int()
  .positive()
  .max(10 * 365 * 24 * 3600)
  .nullable();

/** What new links get unless told otherwise: a link is reusable until it expires. */
export const LinkDefaults = z.object({ expiresIn: LinkExpiry }).strict();
export type LinkDefaults = z.infer<typeof LinkDefaults>;

export const SignLinkInput = z
  .object({
    /** The bot the link belongs to; default: the sandbox bot. */
    profileId: z.number().int().positive().optional(),
    command: CommandName,
    userId: z.union([z.number().int(), z.string().trim().min(1).max(64)]),
    /** JSON text of the options, or omitted for none. */
    options: z.string().optional(),
    params: z.array(z.tuple([z.string().min(1).max(64), z.string().max(2000)])).default([]),
    redirect: z.string().optional(),
    /** Seconds from now; null: never expires; omitted: the default for new links (`links.defaults`). */
    expiresIn: LinkExpiry.optional(),
    /** Where the link points; default: the profile's public https origin, else the local receiver. */
    baseUrl: z.string().optional(),
  })
  .strict();

export const SignedLink = z.object({ url: z.string(), kid: z.string(), expiresAt: z.string().nullable() });

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
