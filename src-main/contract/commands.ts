import { z } from 'zod';
import {
  COMMAND_BODY_MAX,
  COMMAND_NAME,
  LINK_USER_ID_MAX,
  PARAM_NAME_MAX,
  PARAM_VALUE_MAX,
} from './link-rules';
import { NoInput } from './no-input';

export const Command = z.object({
  name: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export type Command = z.infer<typeof Command>;

export const CommandName = z
  .string()
  .regex(COMMAND_NAME, 'a command name is 1–64 letters, digits, "_", "." or "-", not starting with a digit');

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

/** The commands part of the method table: the JavaScript signed links run. */
export const commandsMethodTable = {
  'commands.list': { input: NoInput, output: z.object({ items: z.array(Command) }) },
  /** Creates or replaces a command's JavaScript body. */
  'commands.save': {
    input: z.object({ name: CommandName, body: z.string().max(COMMAND_BODY_MAX) }).strict(),
    output: Command,
  },
  'commands.delete': {
    input: z.object({ name: CommandName }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  /** Runs a body once with a sample user, without a link: the answer and logs; nothing sent or stored. */
  'commands.tryRun': { input: TryCommandInput, output: TryCommandResult },
};
