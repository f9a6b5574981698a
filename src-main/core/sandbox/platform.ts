import { isLoopback } from '../botapi/webhook-url';
import { Deliverer, type DelivererOptions, defaultBackoff } from './deliverer';
import type { ChatMessage, Dialect, SandboxBot, UserMessage } from './records';
import type { SandboxStore } from './store';
import { botMessage, updatePayload } from './updates';

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

export interface SimulatedMessage {
  userId: number;
  name?: string | undefined;
  language?: string | undefined;
  username?: string | undefined;
  /** Defaults to the user's private chat (same id as the user). */
  chatId?: number | undefined;
  text: string;
}

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
    options: Partial<Pick<DelivererOptions, 'timeoutMs' | 'backoffMs' | 'log'>> = {},
  ) {
    this.deliverer = new Deliverer(store, {
      timeoutMs: options.timeoutMs ?? 10_000,
      backoffMs: options.backoffMs ?? defaultBackoff,
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
    if (input.secretToken != null && !/^[A-Za-z0-9_-]{1,256}$/.test(input.secretToken)) {
      throw new SandboxError(400, 'Bad Request: secret token contains unallowed characters');
    }
    if (input.maxConnections != null && (input.maxConnections < 1 || input.maxConnections > 100)) {
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
  ): { message: ChatMessage; result: Record<string, unknown> } {
    const chatId =
      typeof chatIdRaw === 'number'
        ? chatIdRaw
        : typeof chatIdRaw === 'string' && /^-?\d+$/.test(chatIdRaw)
          ? Number(chatIdRaw)
          : null;
    if (chatId === null || !Number.isSafeInteger(chatId))
      throw new SandboxError(400, 'Bad Request: chat not found');
    if (typeof textRaw !== 'string' || textRaw.trim() === '')
      throw new SandboxError(400, 'Bad Request: message text is empty');
    if (textRaw.length > 4096) throw new SandboxError(400, 'Bad Request: message is too long');
    const message = this.store.addBotMessage(bot.botId, chatId, textRaw, Date.now());
    this.changed(bot.botId, chatId);
    return { message, result: botMessage(bot, message) };
  }

  /** A simulated user writes to the bot: queued as the next update and delivered. */
  queueUserMessage(bot: SandboxBot, input: SimulatedMessage): { updateId: number; message: UserMessage } {
    if (!Number.isSafeInteger(input.userId) || input.userId <= 0)
      throw new SandboxError(400, 'Bad Request: user id must be a positive integer');
    if (input.text.trim() === '') throw new SandboxError(400, 'Bad Request: message text is empty');
    const chatId = input.chatId ?? input.userId;
    // As on Telegram: a private chat has its user's id and only that user writes in it; groups are negative.
    if (chatId > 0 && chatId !== input.userId)
      throw new SandboxError(
        400,
        `Bad Request: chat ${chatId} is user ${chatId}'s private chat; write there as that user, or use a group (a negative chat id)`,
      );
    if (chatId === 0 || !Number.isSafeInteger(chatId))
      throw new SandboxError(400, 'Bad Request: chat not found');
    const now = Date.now();
    const queued = this.store.queueMessage(
      bot.botId,
      {
        date: Math.floor(now / 1000),
        text: input.text,
        user: {
          id: input.userId,
          name: input.name ?? `User ${input.userId}`,
          language: input.language ?? 'en',
          username: input.username ?? null,
        },
        chat: { id: chatId, type: chatId > 0 ? 'private' : 'group' },
      },
      now,
    );
    this.deliverer.kick(bot.botId);
    for (const wake of this.pollers.get(bot.botId) ?? []) wake();
    this.changed(bot.botId, chatId);
    return queued;
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
    return updates.map((u) => updatePayload('telegram', u.updateId, u.message));
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
    if (String(reply.method).toLowerCase() !== 'sendmessage') return;
    try {
      this.sendMessage(bot, reply.chat_id, reply.text);
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
