import { z } from 'zod';
import { COMMAND_BODY_MAX, LINK_USER_ID_MAX, PARAM_NAME_MAX, PARAM_VALUE_MAX } from './link-rules';

/**
 * "Run with a sample user": a command body (saved or not) run once in the
 * command sandbox as a signed link would run it, without a link; nothing is
 * sent to a platform and nothing is stored.
 */
export const TryCommandInput = z
  .object({
    body: z.string().max(COMMAND_BODY_MAX),
    /** The user the command sees: as last seen in a delivery, else `{ id }` in a private chat. */
    userId: z.union([z.number().int(), z.string().trim().min(1).max(LINK_USER_ID_MAX)]),
    /** JSON text of the options, or omitted for none. */
    options: z.string().max(4000).optional(),
    params: z
      .array(z.tuple([z.string().min(1).max(PARAM_NAME_MAX), z.string().max(PARAM_VALUE_MAX)]))
      .max(50)
      .default([]),
  })
  .strict();

export const TryCommandResult = z.object({
  ok: z.boolean(),
  /** Why the run failed (a throw, a timeout, the memory limit, a busy pool); null when it ran. */
  reason: z.string().nullable(),
  /** The answer a link would have given. */
  response: z
    .object({
      status: z.number().int(),
      headers: z.array(z.tuple([z.string(), z.string()])),
      body: z.string(),
    })
    .nullable(),
  logs: z.array(z.string()),
  /** Api.sendMessage calls the command made: shown, never sent. */
  messages: z.array(
    z.object({
      chatId: z.union([z.number(), z.string()]).nullable(),
      text: z.string(),
      problem: z.string().nullable(),
    }),
  ),
  durationMs: z.number().int(),
});
export type TryCommandResult = z.infer<typeof TryCommandResult>;
