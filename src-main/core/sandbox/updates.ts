import type { ChatMessage, Dialect, SandboxBot, UserMessage } from './records';

/** A leading /command is marked as Telegram marks it: frameworks route on this entity. */
function entities(text: string): Array<{ offset: number; length: number; type: string }> | undefined {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command ? [{ offset: 0, length: command[0].length, type: 'bot_command' }] : undefined;
}

/** The update body a webhook (or getUpdates) receives, in the dialect the webhook was set through. */
export function updatePayload(dialect: Dialect, updateId: number, m: UserMessage): Record<string, unknown> {
  if (dialect === 'solafon') {
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
  const found = entities(m.text);
  return {
    update_id: updateId,
    message: {
      message_id: m.messageId,
      from: {
        id: m.user.id,
        is_bot: false,
        first_name: m.user.name,
        ...(m.user.username ? { username: m.user.username } : {}),
        language_code: m.user.language,
      },
      chat:
        m.chat.type === 'private'
          ? { id: m.chat.id, type: 'private', first_name: m.user.name }
          : { id: m.chat.id, type: 'group', title: `Sandbox group ${m.chat.id}` },
      date: m.date,
      text: m.text,
      ...(found ? { entities: found } : {}),
    },
  };
}

/** The Message object Telegram returns for the bot's own sendMessage. */
export function botMessage(bot: SandboxBot, message: ChatMessage): Record<string, unknown> {
  return {
    message_id: message.messageId,
    from: { id: bot.botId, is_bot: true, first_name: bot.firstName, username: bot.username },
    chat: { id: message.chatId, type: message.chatId < 0 ? 'group' : 'private' },
    date: message.date,
    text: message.text,
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
