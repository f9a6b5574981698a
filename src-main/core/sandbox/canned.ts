import { SandboxError } from './platform-error';
import type { SandboxBot } from './records';

/** What a canned callback carries when the bot's message has no callback button to press. */
export const CANNED_CALLBACK_DATA = 'sandbox:canned';

export const CANNED_KINDS = ['command', 'text', 'callback', 'edited', 'new_member', 'photo'] as const;
export type CannedKind = (typeof CANNED_KINDS)[number];

/** What the canned library needs of the platform (kept narrow so the two stay apart). */
interface CannedPlatform {
  store: {
    chat(
      botId: number,
      chatId: number,
    ): Array<{
      sender: 'user' | 'bot';
      userId: number | null;
      messageId: number;
      kind: string;
      text: string;
      replyMarkup: { inline_keyboard: Array<Array<{ callback_data?: string }>> } | null;
    }>;
  };
  queueUserMessage(
    bot: SandboxBot,
    input: {
      userId: number;
      name?: string | undefined;
      chatId: number;
      text: string;
      photo?: boolean;
      newChatMembers?: Array<{ id: number; name: string; language: string; username: string | null }>;
    },
  ): { updateId: number };
  pressButton(
    bot: SandboxBot,
    input: {
      user: { userId: number; name?: string | undefined };
      chatId: number;
      messageId: number;
      data: string;
    },
  ): { updateId: number };
  editUserMessage(
    bot: SandboxBot,
    input: {
      user: { userId: number; name?: string | undefined };
      chatId: number;
      messageId: number;
      text: string;
    },
  ): { updateId: number };
}

/**
 * A library of typical updates to send with one click (as Stripe's
 * `trigger` sends typical events): each is what a real user's action would
 * make the platform send, into the chosen chat as the chosen user.
 */
export function sendCanned(
  platform: CannedPlatform,
  bot: SandboxBot,
  kind: CannedKind,
  who: { userId: number; name?: string | undefined; chatId: number },
): { updateId: number } {
  const user = { userId: who.userId, name: who.name };
  const base = { userId: who.userId, name: who.name, chatId: who.chatId };
  switch (kind) {
    case 'command':
      return platform.queueUserMessage(bot, { ...base, text: '/start' });
    case 'text':
      return platform.queueUserMessage(bot, { ...base, text: 'Hello, bot!' });
    case 'photo':
      return platform.queueUserMessage(bot, { ...base, text: 'A photo (placeholder)', photo: true });
    case 'new_member':
      return platform.queueUserMessage(bot, {
        ...base,
        text: '',
        newChatMembers: [
          { id: who.userId, name: who.name ?? `User ${who.userId}`, language: 'en', username: null },
        ],
      });
    case 'callback': {
      const rows = platform.store
        .chat(bot.botId, who.chatId)
        .filter((m) => m.sender === 'bot' && m.kind === 'text');
      const withButton = rows.findLast((m) =>
        m.replyMarkup?.inline_keyboard.some((row) => row.some((b) => b.callback_data !== undefined)),
      );
      const target = withButton ?? rows.at(-1);
      if (!target)
        throw new SandboxError(
          400,
          'Bad Request: the bot has sent nothing in this chat whose button could be pressed',
        );
      const data =
        withButton?.replyMarkup?.inline_keyboard.flat().find((b) => b.callback_data !== undefined)
          ?.callback_data ?? CANNED_CALLBACK_DATA;
      return platform.pressButton(bot, { user, chatId: who.chatId, messageId: target.messageId, data });
    }
    case 'edited': {
      const own = platform.store
        .chat(bot.botId, who.chatId)
        .findLast((m) => m.sender === 'user' && m.userId === who.userId && m.kind === 'text');
      if (!own) throw new SandboxError(400, 'Bad Request: you have written nothing in this chat to edit');
      return platform.editUserMessage(bot, {
        user,
        chatId: who.chatId,
        messageId: own.messageId,
        text: `${own.text} (edited)`,
      });
    }
  }
}
