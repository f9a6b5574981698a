import { SECRET_TOKEN, WEBHOOK_MAX_CONNECTIONS } from '@contract';
import { isLoopback } from '../botapi/webhook-url';
import { CANNED_CALLBACK_DATA } from './canned';
import { Deliverer, type DelivererOptions, defaultBackoff } from './deliverer';
import { chatIdOf, messageText, replyMarkupOf } from './message-params';
import { SandboxError } from './platform-error';
import type { ChatMessage, Dialect, SandboxBot, SimulatedUser, UserMessage } from './records';
import type { SandboxStore } from './store';
import { botMessage, updatePayload } from './updates';

export { SandboxError } from './platform-error';

export interface SimulatedMessage {
  userId: number;
  name?: string | undefined;
  language?: string | undefined;
  username?: string | undefined;
  /** Defaults to the user's private chat (same id as the user). */
  chatId?: number | undefined;
  text: string;
}

/** Who a simulated user is, without what they write. */
export type SimulatedWriter = Omit<SimulatedMessage, 'text' | 'chatId'>;

export interface SandboxChange {
  botId: number;
  chatId: number | null;
}

/**
 * The sandbox platform's behaviour, shared by its Telegram and Solafon
 * routes and its control endpoints: what a real platform does, on this machine.
 */
export class SandboxPlatform {
  private readonly deliverer: Deliverer;
  private readonly pollers = new Map<number, Set<() => void>>();

  constructor(
    readonly store: SandboxStore,
    private readonly onChange: (change: SandboxChange) => void,
    options: Partial<Pick<DelivererOptions, 'timeoutMs' | 'backoffMs' | 'maxAttempts' | 'log'>> = {},
  ) {
    this.deliverer = new Deliverer(store, {
      timeoutMs: options.timeoutMs ?? 10_000,
      backoffMs: options.backoffMs ?? defaultBackoff,
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
      onWebhookReply: (bot, reply) => this.webhookReply(bot, reply),
      onChange: (botId) => this.changed(botId, null),
      log: options.log ?? ((message) => console.error(message)),
    });
    for (const bot of store.bots()) this.deliverer.kick(bot.botId);
  }

  stop(): Promise<void> {
    for (const waiters of this.pollers.values()) for (const wake of waiters) wake();
    return this.deliverer.stop();
  }

  /** The bot a bot API call names by its token. */
  botByToken(token: string): SandboxBot {
    const bot = this.store.botByToken(token);
    if (!bot) throw new SandboxError(401, 'Unauthorized');
    return bot;
  }

  botById(botId: number): SandboxBot {
    const bot = this.store.botById(botId);
    if (!bot) throw new SandboxError(404, `Not Found: no sandbox bot ${botId}`);
    return bot;
  }

  setWebhook(
    bot: SandboxBot,
    dialect: Dialect,
    input: {
      url: string;
      secretToken?: string | null;
      maxConnections?: number | null;
      allowedUpdates?: string[] | null;
      dropPending?: boolean;
    },
  ): void {
    const url = input.url.trim();
    if (url !== '') {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new SandboxError(400, 'Bad Request: invalid webhook URL specified');
      }
      // As the platforms refuse it: only the sandbox's own machine may be reached over plain http.
      if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLocalHost(parsed.hostname))) {
        throw new SandboxError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      }
    }
    if (input.secretToken != null && !SECRET_TOKEN.test(input.secretToken)) {
      throw new SandboxError(400, 'Bad Request: secret token contains unallowed characters');
    }
    if (
      input.maxConnections != null &&
      (input.maxConnections < 1 || input.maxConnections > WEBHOOK_MAX_CONNECTIONS)
    ) {
      throw new SandboxError(400, 'Bad Request: max_connections must be between 1 and 100');
    }
    if (input.dropPending) this.store.dropPending(bot.botId, Date.now());
    this.store.setWebhook(bot.botId, {
      url,
      dialect,
      secretToken: input.secretToken ?? null,
      maxConnections: input.maxConnections ?? null,
      allowedUpdates: input.allowedUpdates ?? null,
    });
    // A new URL is a new chance: what waited for a retry goes now.
    this.store.retryNow(bot.botId, Date.now());
    this.deliverer.kick(bot.botId);
    this.changed(bot.botId, null);
  }

  deleteWebhook(bot: SandboxBot, dropPending: boolean): void {
    this.setWebhook(bot, bot.webhookDialect ?? 'telegram', { url: '', dropPending });
  }

  webhookInfo(bot: SandboxBot): Record<string, unknown> {
    const fresh = this.botById(bot.botId);
    return {
      url: fresh.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: this.store.pendingCount(fresh.botId),
      ...(fresh.lastErrorDate === null
        ? {}
        : { last_error_date: fresh.lastErrorDate, last_error_message: fresh.lastErrorMessage ?? '' }),
      ...(fresh.webhookUrl === ''
        ? {}
        : { max_connections: fresh.maxConnections ?? 40, ip_address: '127.0.0.1' }),
      ...(fresh.allowedUpdates === null ? {} : { allowed_updates: fresh.allowedUpdates }),
    };
  }

  sendMessage(
    bot: SandboxBot,
    chatIdRaw: unknown,
    textRaw: unknown,
    replyMarkupRaw?: unknown,
  ): { message: ChatMessage; result: Record<string, unknown> } {
    const chatId = chatIdOf(chatIdRaw);
    const text = messageText(textRaw);
    const replyMarkup = replyMarkupOf(replyMarkupRaw) ?? null;
    const message = this.store.addBotMessage(bot.botId, chatId, text, Date.now(), { replyMarkup });
    this.changed(bot.botId, chatId);
    return { message, result: botMessage(bot, message) };
  }

  /** The bot changes the text (and keyboard) of a message it sent, as Telegram's editMessageText. */
  editMessageText(
    bot: SandboxBot,
    chatIdRaw: unknown,
    messageIdRaw: unknown,
    textRaw: unknown,
    replyMarkupRaw?: unknown,
  ): Record<string, unknown> {
    const chatId = chatIdOf(chatIdRaw);
    const messageId = chatIdOf(messageIdRaw, 'Bad Request: message to edit not found');
    const text = messageText(textRaw);
    const replyMarkup = replyMarkupOf(replyMarkupRaw);
    const message = this.store.message(bot.botId, chatId, messageId);
    if (!message) throw new SandboxError(400, 'Bad Request: message to edit not found');
    if (message.sender !== 'bot') throw new SandboxError(400, "Bad Request: message can't be edited");
    const sameMarkup =
      replyMarkup === undefined || JSON.stringify(replyMarkup) === JSON.stringify(message.replyMarkup);
    if (message.text === text && sameMarkup) {
      throw new SandboxError(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    const edited = this.store.editBotMessage(message, text, replyMarkup, Date.now());
    this.changed(bot.botId, chatId);
    return botMessage(bot, edited);
  }

  /** The bot answers a button press; a text shows in the chat as a toast. */
  answerCallbackQuery(bot: SandboxBot, idRaw: unknown, textRaw: unknown): void {
    const updateId = typeof idRaw === 'string' && /^\d+$/.test(idRaw) ? Number(idRaw) : null;
    const chatId = updateId === null ? null : this.store.updateChat(bot.botId, updateId);
    if (chatId === null)
      throw new SandboxError(
        400,
        'Bad Request: query is too old and response timeout expired or query ID is invalid',
      );
    if (typeof textRaw === 'string' && textRaw.trim() !== '') {
      if (textRaw.length > 200) throw new SandboxError(400, 'Bad Request: answer text is too long');
      this.store.addBotMessage(bot.botId, chatId, textRaw, Date.now(), { kind: 'callback_answer' });
      this.changed(bot.botId, chatId);
    }
  }

  /** A simulated user presses a callback button under one of the bot's messages. */
  pressButton(
    bot: SandboxBot,
    input: { user: SimulatedWriter; chatId: number; messageId: number; data: string },
  ): { updateId: number } {
    const message = this.store.message(bot.botId, input.chatId, input.messageId);
    if (message?.sender !== 'bot') throw new SandboxError(400, 'Bad Request: message not found');
    const button = message.replyMarkup?.inline_keyboard.flat().find((b) => b.callback_data === input.data);
    if (!button && input.data !== CANNED_CALLBACK_DATA)
      throw new SandboxError(400, 'Bad Request: the message has no button with that callback_data');
    const user = this.writer(input.user, input.chatId);
    const { updateId } = this.store.queueCallback(
      bot.botId,
      {
        user,
        chat: { id: input.chatId, type: input.chatId > 0 ? 'private' : 'group' },
        message: {
          messageId: message.messageId,
          date: message.date,
          text: message.text,
          replyMarkup: message.replyMarkup,
        },
        data: input.data,
      },
      button?.text ?? input.data,
      Date.now(),
    );
    this.queued(bot.botId, input.chatId);
    return { updateId };
  }

  /** A simulated user edits one of their messages: Telegram sends an `edited_message`. */
  editUserMessage(
    bot: SandboxBot,
    input: { user: SimulatedWriter; chatId: number; messageId: number; text: string },
  ): { updateId: number } {
    const user = this.writer(input.user, input.chatId);
    const text = messageText(input.text);
    const edited = this.store.queueEdit(bot.botId, input.chatId, input.messageId, user, text, Date.now());
    if (!edited)
      throw new SandboxError(400, 'Bad Request: message to edit not found (only your own messages)');
    this.queued(bot.botId, input.chatId);
    return { updateId: edited.updateId };
  }

  /** A simulated user writes to the bot: queued as the next update and delivered. */
  queueUserMessage(
    bot: SandboxBot,
    input: SimulatedMessage & { photo?: boolean; newChatMembers?: SimulatedUser[] },
  ): { updateId: number; message: UserMessage } {
    const chatId = input.chatId ?? input.userId;
    const user = this.writer(input, chatId);
    // A photo's caption and a join's text may be empty; a plain message's may not.
    if (input.text.trim() === '' && !input.photo && !input.newChatMembers)
      throw new SandboxError(400, 'Bad Request: message text is empty');
    if (input.newChatMembers && chatId > 0)
      throw new SandboxError(400, 'Bad Request: members join groups, not private chats');
    const now = Date.now();
    const queued = this.store.queueMessage(
      bot.botId,
      {
        date: Math.floor(now / 1000),
        text: input.text,
        user,
        chat: { id: chatId, type: chatId > 0 ? 'private' : 'group' },
        ...(input.photo ? { photo: true } : {}),
        ...(input.newChatMembers ? { newChatMembers: input.newChatMembers } : {}),
      },
      now,
    );
    this.queued(bot.botId, chatId);
    return queued;
  }

  /** Who writes, checked as a chat allows: as on Telegram, a private chat has its own user only; groups are negative. */
  private writer(input: SimulatedWriter, chatId: number): SimulatedUser {
    if (!Number.isSafeInteger(input.userId) || input.userId <= 0)
      throw new SandboxError(400, 'Bad Request: user id must be a positive integer');
    if (chatId > 0 && chatId !== input.userId)
      throw new SandboxError(
        400,
        `Bad Request: chat ${chatId} is user ${chatId}'s private chat; write there as that user, or use a group (a negative chat id)`,
      );
    if (chatId === 0 || !Number.isSafeInteger(chatId))
      throw new SandboxError(400, 'Bad Request: chat not found');
    return {
      id: input.userId,
      name: input.name ?? `User ${input.userId}`,
      language: input.language ?? 'en',
      username: input.username ?? null,
    };
  }

  private queued(botId: number, chatId: number): void {
    this.deliverer.kick(botId);
    for (const wake of this.pollers.get(botId) ?? []) wake();
    this.changed(botId, chatId);
  }

  /** Telegram's getUpdates: only without a webhook; `offset` confirms what came before. */
  async getUpdates(
    bot: SandboxBot,
    offset: number | null,
    limit: number,
    timeoutSeconds: number,
  ): Promise<unknown[]> {
    if (bot.webhookUrl !== '') {
      throw new SandboxError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (offset !== null) this.store.confirmBelow(bot.botId, offset, Date.now());
    const read = () => this.store.pendingFrom(bot.botId, offset ?? 0, Math.min(Math.max(limit, 1), 100));
    let updates = read();
    if (updates.length === 0 && timeoutSeconds > 0) {
      await this.waitForUpdate(bot.botId, Math.min(timeoutSeconds, 50) * 1000);
      updates = read();
    }
    return updates.map((u) => updatePayload('telegram', u.updateId, u.event, bot));
  }

  private waitForUpdate(botId: number, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.pollers.get(botId) ?? new Set<() => void>();
      this.pollers.set(botId, waiters);
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.add(wake);
    });
  }

  private webhookReply(bot: SandboxBot, reply: Record<string, unknown>): void {
    try {
      switch (String(reply.method).toLowerCase()) {
        case 'sendmessage':
          this.sendMessage(bot, reply.chat_id, reply.text, reply.reply_markup);
          break;
        case 'editmessagetext':
          this.editMessageText(bot, reply.chat_id, reply.message_id, reply.text, reply.reply_markup);
          break;
        case 'answercallbackquery':
          this.answerCallbackQuery(bot, reply.callback_query_id, reply.text);
          break;
      }
    } catch {
      // A bad reply in a webhook answer is ignored, as the platform does.
    }
  }

  private changed(botId: number, chatId: number | null): void {
    this.onChange({ botId, chatId });
  }
}

/**
 * Loopback, or the unspecified address a receiver listening on every
 * interface reports (`http://0.0.0.0:8787`): both reach this machine.
 */
function isLocalHost(hostname: string): boolean {
  return isLoopback(hostname) || hostname === '0.0.0.0' || hostname === '[::]';
}
