import type { ChatMessage, Dialect, SandboxBot, SandboxEvent, SimulatedUser, UserMessage } from './records';

/** A leading /command is marked as Telegram marks it: frameworks route on this entity. */
function entities(text: string): Array<{ offset: number; length: number; type: string }> | undefined {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ offset: 0, length: command[0].length, type: 'bot_command' }] : undefined;
}

const telegramUser = (u: SimulatedUser) => ({
  id: u.id,
  is_bot: false,
  first_name: u.name,
  ...(u.username ? { username: u.username } : {}),
  language_code: u.language,
});

const telegramChat = (chat: { id: number; type: 'private' | 'group' }, name: string) =>
  chat.type === 'private'
    ? { id: chat.id, type: 'private', first_name: name }
    : { id: chat.id, type: 'group', title: `Sandbox group ${chat.id}` };

/** Telegram's Message for a user's message (or its edit). */
function telegramMessage(m: UserMessage): Record<string, unknown> {
  const found = m.photo ? undefined : entities(m.text);
  return {
    message_id: m.messageId,
    from: telegramUser(m.user),
    chat: telegramChat(m.chat, m.user.name),
    date: m.date,
    ...(m.editDate === undefined ? {} : { edit_date: m.editDate }),
    ...(m.newChatMembers
      ? {
          new_chat_members: m.newChatMembers.map(telegramUser),
          new_chat_member: telegramUser(m.newChatMembers[0] ?? m.user),
        }
      : m.photo
        ? {
            // A placeholder: the sandbox keeps no files, so getFile on it finds nothing.
            photo: [
              {
                file_id: `sandbox-photo-${m.messageId}`,
                file_unique_id: `sbx${m.messageId}`,
                width: 320,
                height: 240,
                file_size: 0,
              },
            ],
            ...(m.text === '' ? {} : { caption: m.text }),
          }
        : { text: m.text }),
    ...(found ? { entities: found } : {}),
  };
}

/** The update body a webhook (or getUpdates) receives, in the dialect the webhook was set through. */
export function updatePayload(
  dialect: Dialect,
  updateId: number,
  event: SandboxEvent,
  bot: SandboxBot,
): Record<string, unknown> {
  if (
    dialect === 'solafon' &&
    event.type === 'message' &&
    !event.message.photo &&
    !event.message.newChatMembers
  ) {
    const m = event.message;
    return {
      update_id: updateId,
      message_id: m.messageId,
      from: {
        id: m.user.id,
        email: `${m.user.username ?? `user${m.user.id}`}@sandbox.invalid`,
        name: m.user.name,
        language: m.user.language,
      },
      chat: { id: m.chat.id, type: m.chat.type },
      date: m.date,
      text: m.text,
    };
  }
  // Solafon publishes no shape for edits, presses, photos or members: they go in Telegram's, which it mirrors.
  switch (event.type) {
    case 'message':
      return { update_id: updateId, message: telegramMessage(event.message) };
    case 'edited_message':
      return { update_id: updateId, edited_message: telegramMessage(event.message) };
    case 'callback_query': {
      const c = event.callback;
      return {
        update_id: updateId,
        callback_query: {
          id: c.id,
          from: telegramUser(c.user),
          message: {
            message_id: c.message.messageId,
            from: { id: bot.botId, is_bot: true, first_name: bot.firstName, username: bot.username },
            chat: telegramChat(c.chat, c.user.name),
            date: c.message.date,
            text: c.message.text,
            ...(c.message.replyMarkup ? { reply_markup: c.message.replyMarkup } : {}),
          },
          chat_instance: `sandbox-${c.chat.id}`,
          data: c.data,
        },
      };
    }
  }
}

/** The Message object Telegram returns for the bot's own sendMessage. */
export function botMessage(bot: SandboxBot, message: ChatMessage): Record<string, unknown> {
  return {
    message_id: message.messageId,
    from: { id: bot.botId, is_bot: true, first_name: bot.firstName, username: bot.username },
    chat: { id: message.chatId, type: message.chatId < 0 ? 'group' : 'private' },
    date: message.date,
    text: message.text,
    ...(message.editedAt === null ? {} : { edit_date: message.editedAt }),
    ...(message.replyMarkup ? { reply_markup: message.replyMarkup } : {}),
  };
}

export function getMe(bot: SandboxBot): Record<string, unknown> {
  return {
    id: bot.botId,
    is_bot: true,
    first_name: bot.firstName,
    username: bot.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  };
}
