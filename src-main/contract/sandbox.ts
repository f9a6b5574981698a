import { z } from 'zod';
import { MESSAGE_TEXT_MAX } from './bot-rules';
import { NoInput } from './no-input';

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

/** The sandbox part of the method table: the built-in platform and its simulated users. */
export const sandboxMethodTable = {
  'sandbox.info': { input: NoInput, output: SandboxInfo },
  'sandbox.chats': { input: NoInput, output: z.object({ items: z.array(z.number().int()) }) },
  'sandbox.messages': {
    input: z.object({ chatId: z.number().int() }).strict(),
    output: z.object({ items: z.array(SandboxChatMessage) }),
  },
  /** Writes to the sandbox bot as a simulated user. */
  'sandbox.say': {
    input: z
      .object({
        userId: z.number().int().positive(),
        name: z.string().trim().min(1).max(64).optional(),
        language: z.string().trim().min(2).max(16).optional(),
        chatId: z.number().int().optional(),
        text: z.string().min(1, 'the message is empty').max(MESSAGE_TEXT_MAX),
      })
      .strict(),
    output: z.object({ updateId: z.number().int(), messageId: z.number().int(), chatId: z.number().int() }),
  },
  /** A simulated user presses a callback button under a bot message: a `callback_query` update. */
  'sandbox.press': {
    input: SandboxWriter.extend({
      chatId: z.number().int(),
      messageId: z.number().int(),
      data: z.string().min(1).max(64),
    }).strict(),
    output: SandboxQueued,
  },
  /** A simulated user edits their own message: an `edited_message` update. */
  'sandbox.edit': {
    input: SandboxWriter.extend({
      chatId: z.number().int(),
      messageId: z.number().int(),
      text: z.string().min(1, 'the message is empty').max(MESSAGE_TEXT_MAX),
    }).strict(),
    output: SandboxQueued,
  },
  /** One of the canned updates (a command, a photo, a new member…) as the chosen user. */
  'sandbox.send': {
    input: SandboxWriter.extend({ chatId: z.number().int(), kind: CannedUpdateKind }).strict(),
    output: SandboxQueued,
  },
};
