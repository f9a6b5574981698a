import type { Database, Statement } from 'better-sqlite3';
import type { MessageRow } from './chat-rows';
import type {
  CallbackPress,
  ChatMessage,
  ChatRowKind,
  SandboxEvent,
  SimulatedUser,
  UserMessage,
} from './records';

/** The sandbox chat's writes, each one transaction: a row in the chat and, for a user's action, its update. */
export interface ChatWrites {
  queueMessage(
    botId: number,
    message: Omit<UserMessage, 'messageId'>,
    now: number,
  ): { updateId: number; message: UserMessage };
  addBotMessage(
    botId: number,
    chatId: number,
    text: string,
    now: number,
    extra?: { kind?: ChatRowKind; replyMarkup?: ChatMessage['replyMarkup'] },
  ): ChatMessage;
  queueEdit(
    botId: number,
    chatId: number,
    messageId: number,
    user: SimulatedUser,
    text: string,
    now: number,
  ): { updateId: number; message: UserMessage } | null;
  queueCallback(
    botId: number,
    press: Omit<CallbackPress, 'id'>,
    label: string,
    now: number,
  ): { updateId: number; press: CallbackPress };
}

/** Built on the store's prepared statements (named as in SandboxStore). */
export function chatWrites(db: Database, stmt: (name: string) => Statement): ChatWrites {
  const queue = (botId: number, updateId: number, chatId: number, event: SandboxEvent, now: number) =>
    stmt('insertUpdate').run(botId, updateId, chatId, JSON.stringify(event), now, now);

  const queueMessage = db.transaction(
    (botId: number, message: Omit<UserMessage, 'messageId'>, now: number) => {
      const ids = stmt('nextIds').get(botId) as { updateId: number; messageId: number } | undefined;
      if (!ids) throw new Error('unknown sandbox bot');
      const full: UserMessage = { ...message, messageId: ids.messageId };
      queue(botId, ids.updateId, message.chat.id, { type: 'message', message: full }, now);
      stmt('insertMessage').run({
        botId,
        chatId: message.chat.id,
        messageId: ids.messageId,
        sender: 'user',
        userId: message.user.id,
        userName: message.user.name,
        text: message.text,
        date: message.date,
        kind: message.photo ? 'photo' : message.newChatMembers ? 'new_member' : 'text',
        replyMarkup: null,
        updateId: ids.updateId,
      });
      return { updateId: ids.updateId, message: full };
    },
  );

  const queueEdit = db.transaction(
    (botId: number, chatId: number, messageId: number, user: SimulatedUser, text: string, now: number) => {
      const row = stmt('messageRow').get(botId, chatId, messageId) as MessageRow | undefined;
      if (row?.sender !== 'user' || row.user_id !== user.id) return null;
      const ids = stmt('nextUpdateId').get(botId) as { updateId: number } | undefined;
      if (!ids) throw new Error('unknown sandbox bot');
      const editDate = Math.floor(now / 1000);
      const message: UserMessage = {
        messageId,
        date: row.date,
        text,
        user,
        chat: { id: chatId, type: chatId > 0 ? 'private' : 'group' },
        editDate,
        ...(row.kind === 'photo' ? { photo: true } : {}),
      };
      queue(botId, ids.updateId, chatId, { type: 'edited_message', message }, now);
      stmt('editRow').run({
        id: row.id,
        text,
        replyMarkup: null,
        editedAt: editDate,
        updateId: ids.updateId,
      });
      return { updateId: ids.updateId, message };
    },
  );

  const queueCallback = db.transaction(
    (botId: number, press: Omit<CallbackPress, 'id'>, label: string, now: number) => {
      const ids = stmt('nextIds').get(botId) as { updateId: number; messageId: number } | undefined;
      if (!ids) throw new Error('unknown sandbox bot');
      // The query's id names its update: answerCallbackQuery finds the chat by it.
      const full: CallbackPress = { ...press, id: String(ids.updateId) };
      queue(botId, ids.updateId, press.chat.id, { type: 'callback_query', callback: full }, now);
      stmt('insertMessage').run({
        botId,
        chatId: press.chat.id,
        messageId: ids.messageId,
        sender: 'user',
        userId: press.user.id,
        userName: press.user.name,
        text: label,
        date: Math.floor(now / 1000),
        kind: 'callback',
        replyMarkup: null,
        updateId: ids.updateId,
      });
      return { updateId: ids.updateId, press: full };
    },
  );

  const addBotMessage = db.transaction(
    (
      botId: number,
      chatId: number,
      text: string,
      now: number,
      extra: { kind?: ChatRowKind; replyMarkup?: ChatMessage['replyMarkup'] } = {},
    ) => {
      const ids = stmt('nextMessageId').get(botId) as { messageId: number } | undefined;
      if (!ids) throw new Error('unknown sandbox bot');
      const date = Math.floor(now / 1000);
      const kind = extra.kind ?? 'text';
      const replyMarkup = extra.replyMarkup ?? null;
      const result = stmt('insertMessage').run({
        botId,
        chatId,
        messageId: ids.messageId,
        sender: 'bot',
        userId: null,
        userName: null,
        text,
        date,
        kind,
        replyMarkup: replyMarkup === null ? null : JSON.stringify(replyMarkup),
        updateId: null,
      });
      return {
        id: Number(result.lastInsertRowid),
        chatId,
        messageId: ids.messageId,
        sender: 'bot' as const,
        userId: null,
        userName: null,
        text,
        date,
        kind,
        editedAt: null,
        replyMarkup,
        delivery: null,
      };
    },
  );

  return { queueMessage, queueEdit, queueCallback, addBotMessage };
}
