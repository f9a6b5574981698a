import { z } from 'zod';
import { MESSAGE_TEXT_MAX } from './bot-rules';
import { ProfileRef } from './profiles';

export const SentMessage = z.object({
  messageId: z.union([z.number(), z.string()]).nullable(),
  chatId: z.union([z.number(), z.string()]),
  text: z.string(),
  raw: z.unknown(),
});
export type SentMessage = z.infer<typeof SentMessage>;

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

/** The compose part of the method table: replies sent through a profile (`messages.*`). */
export const composeMethodTable = {
  /** Never throws for a platform failure: the reply is kept in the history with its error. */
  'messages.send': {
    input: ProfileRef.extend({
      chatId: z.union([z.number().int(), z.string().trim().min(1)]),
      text: z.string().min(1, 'the message is empty').max(MESSAGE_TEXT_MAX),
      deliveryId: z.number().int().positive().optional(),
    }),
    output: SentReply,
  },
  'messages.history': {
    input: ProfileRef.extend({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ items: z.array(SentReply) }),
  },
};
