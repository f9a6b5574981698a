import { randomBytes, randomInt } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { ChatMessage, Dialect, PendingUpdate, SandboxBot, UserMessage, WebhookAttempt } from './records';

interface BotRow {
  token: string;
  bot_id: number;
  username: string;
  first_name: string;
  app_id: string;
  jwt: string;
  webhook_url: string;
  webhook_dialect: string | null;
  secret_token: string | null;
  max_connections: number | null;
  allowed_updates: string | null;
  last_error_date: number | null;
  last_error_message: string | null;
}

const toBot = (r: BotRow): SandboxBot => ({
  token: r.token,
  botId: r.bot_id,
  username: r.username,
  firstName: r.first_name,
  appId: r.app_id,
  jwt: r.jwt,
  webhookUrl: r.webhook_url,
  webhookDialect: r.webhook_dialect as Dialect | null,
  secretToken: r.secret_token,
  maxConnections: r.max_connections,
  allowedUpdates: r.allowed_updates === null ? null : (JSON.parse(r.allowed_updates) as string[]),
  lastErrorDate: r.last_error_date,
  lastErrorMessage: r.last_error_message,
});

export interface WebhookSettings {
  url: string;
  dialect: Dialect;
  secretToken: string | null;
  maxConnections: number | null;
  allowedUpdates: string[] | null;
}

/** The sandbox platform's state in SQLite; statements prepared once. */
export class SandboxStore {
  private readonly s: Record<string, Statement>;
  readonly queueMessage: (
    token: string,
    message: Omit<UserMessage, 'messageId'>,
    now: number,
  ) => { updateId: number; message: UserMessage };
  readonly addBotMessage: (token: string, chatId: number, text: string, now: number) => ChatMessage;

  constructor(db: Database) {
    this.s = {
      bots: db.prepare('SELECT * FROM sandbox_bots ORDER BY bot_id'),
      bot: db.prepare('SELECT * FROM sandbox_bots WHERE token = ?'),
      botByAppId: db.prepare('SELECT * FROM sandbox_bots WHERE app_id = ?'),
      insertBot: db.prepare(
        `INSERT INTO sandbox_bots (token, bot_id, username, first_name, app_id, jwt, next_update_id)
         VALUES (@token, @botId, @username, @firstName, @appId, @jwt, @nextUpdateId)`,
      ),
      setWebhook: db.prepare(
        `UPDATE sandbox_bots SET webhook_url = @url, webhook_dialect = @dialect, secret_token = @secretToken,
           max_connections = @maxConnections, allowed_updates = @allowedUpdates,
           last_error_date = NULL, last_error_message = NULL WHERE token = @token`,
      ),
      recordError: db.prepare(
        'UPDATE sandbox_bots SET last_error_date = ?, last_error_message = ? WHERE token = ?',
      ),
      nextIds: db.prepare(
        'UPDATE sandbox_bots SET next_update_id = next_update_id + 1, next_message_id = next_message_id + 1 WHERE token = ? RETURNING next_update_id - 1 AS updateId, next_message_id - 1 AS messageId',
      ),
      nextMessageId: db.prepare(
        'UPDATE sandbox_bots SET next_message_id = next_message_id + 1 WHERE token = ? RETURNING next_message_id - 1 AS messageId',
      ),
      insertUpdate: db.prepare(
        'INSERT INTO sandbox_updates (bot_token, update_id, chat_id, message, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertMessage: db.prepare(
        `INSERT INTO sandbox_messages (bot_token, chat_id, message_id, sender, user_id, user_name, text, date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      pending: db.prepare(
        'SELECT update_id, chat_id, message, attempts, next_attempt_at FROM sandbox_updates WHERE bot_token = ? AND delivered_at IS NULL ORDER BY update_id',
      ),
      pendingAfter: db.prepare(
        'SELECT update_id, chat_id, message, attempts, next_attempt_at FROM sandbox_updates WHERE bot_token = ? AND delivered_at IS NULL AND update_id >= ? ORDER BY update_id LIMIT ?',
      ),
      pendingCount: db.prepare(
        'SELECT count(*) AS n FROM sandbox_updates WHERE bot_token = ? AND delivered_at IS NULL',
      ),
      markDelivered: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ?, attempts = attempts + 1 WHERE bot_token = ? AND update_id = ?',
      ),
      confirmBelow: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ? WHERE bot_token = ? AND update_id < ? AND delivered_at IS NULL',
      ),
      markFailed: db.prepare(
        'UPDATE sandbox_updates SET attempts = attempts + 1, next_attempt_at = ? WHERE bot_token = ? AND update_id = ?',
      ),
      retryNow: db.prepare(
        'UPDATE sandbox_updates SET next_attempt_at = ? WHERE bot_token = ? AND delivered_at IS NULL',
      ),
      dropPending: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ? WHERE bot_token = ? AND delivered_at IS NULL',
      ),
      chat: db.prepare(
        'SELECT * FROM sandbox_messages WHERE bot_token = ? AND chat_id = ? ORDER BY id LIMIT ?',
      ),
      chatsOf: db.prepare(
        'SELECT chat_id, max(id) AS last FROM sandbox_messages WHERE bot_token = ? GROUP BY chat_id ORDER BY last DESC',
      ),
      insertAttempt: db.prepare(
        'INSERT INTO sandbox_webhook_logs (bot_token, update_id, url, status, error, response_time_ms, time) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      attempts: db.prepare('SELECT * FROM sandbox_webhook_logs WHERE bot_token = ? ORDER BY id DESC LIMIT ?'),
    };

    this.queueMessage = db.transaction(
      (token: string, message: Omit<UserMessage, 'messageId'>, now: number) => {
        const ids = this.s.nextIds?.get(token) as { updateId: number; messageId: number } | undefined;
        if (!ids) throw new Error('unknown sandbox bot');
        const full: UserMessage = { ...message, messageId: ids.messageId };
        this.s.insertUpdate?.run(token, ids.updateId, message.chat.id, JSON.stringify(full), now, now);
        this.s.insertMessage?.run(
          token,
          message.chat.id,
          ids.messageId,
          'user',
          message.user.id,
          message.user.name,
          message.text,
          message.date,
        );
        return { updateId: ids.updateId, message: full };
      },
    );

    this.addBotMessage = db.transaction((token: string, chatId: number, text: string, now: number) => {
      const ids = this.s.nextMessageId?.get(token) as { messageId: number } | undefined;
      if (!ids) throw new Error('unknown sandbox bot');
      const date = Math.floor(now / 1000);
      const result = this.s.insertMessage?.run(token, chatId, ids.messageId, 'bot', null, null, text, date);
      return {
        id: Number(result?.lastInsertRowid),
        chatId,
        messageId: ids.messageId,
        sender: 'bot' as const,
        userId: null,
        userName: null,
        text,
        date,
      };
    });
  }

  private stmt(name: string): Statement {
    const statement = this.s[name];
    if (!statement) throw new Error(`no statement ${name}`);
    return statement;
  }

  bots(): SandboxBot[] {
    return (this.stmt('bots').all() as BotRow[]).map(toBot);
  }

  bot(token: string): SandboxBot | null {
    const row = this.stmt('bot').get(token) as BotRow | undefined;
    return row ? toBot(row) : null;
  }

  botByAppId(appId: string): SandboxBot | null {
    const row = this.stmt('botByAppId').get(appId) as BotRow | undefined;
    return row ? toBot(row) : null;
  }

  /** Creates a bot with a Telegram-shaped token (`<id>:<secret>`). */
  createBot(username: string, firstName: string): SandboxBot {
    const botId = randomInt(1_000_000_000, 2_000_000_000);
    const token = `${botId}:${randomBytes(24).toString('base64url')}`;
    this.stmt('insertBot').run({
      token,
      botId,
      username,
      firstName,
      appId: `sandbox-app-${botId}`,
      jwt: `sandbox-jwt.${randomBytes(24).toString('base64url')}`,
      // Telegram's update ids do not start at 1; neither do ours, so nobody relies on it.
      nextUpdateId: randomInt(100_000, 900_000),
    });
    const bot = this.bot(token);
    if (!bot) throw new Error('sandbox bot was not saved');
    return bot;
  }

  setWebhook(token: string, settings: WebhookSettings): void {
    this.stmt('setWebhook').run({
      token,
      url: settings.url,
      dialect: settings.url === '' ? null : settings.dialect,
      secretToken: settings.secretToken,
      maxConnections: settings.maxConnections,
      allowedUpdates: settings.allowedUpdates === null ? null : JSON.stringify(settings.allowedUpdates),
    });
  }

  recordError(token: string, dateSeconds: number, message: string): void {
    this.stmt('recordError').run(dateSeconds, message, token);
  }

  pending(token: string): PendingUpdate[] {
    return (this.stmt('pending').all(token) as PendingRow[]).map(toPending);
  }

  pendingFrom(token: string, fromUpdateId: number, limit: number): PendingUpdate[] {
    return (this.stmt('pendingAfter').all(token, fromUpdateId, limit) as PendingRow[]).map(toPending);
  }

  pendingCount(token: string): number {
    return (this.stmt('pendingCount').get(token) as { n: number }).n;
  }

  markDelivered(token: string, updateId: number, now: number): void {
    this.stmt('markDelivered').run(now, token, updateId);
  }

  /** getUpdates' offset: everything below it is confirmed. */
  confirmBelow(token: string, updateId: number, now: number): void {
    this.stmt('confirmBelow').run(now, token, updateId);
  }

  markFailed(token: string, updateId: number, nextAttemptAt: number): void {
    this.stmt('markFailed').run(nextAttemptAt, token, updateId);
  }

  retryNow(token: string, now: number): void {
    this.stmt('retryNow').run(now, token);
  }

  dropPending(token: string, now: number): void {
    this.stmt('dropPending').run(now, token);
  }

  chat(token: string, chatId: number, limit = 500): ChatMessage[] {
    return (this.stmt('chat').all(token, chatId, limit) as MessageRow[]).map((r) => ({
      id: r.id,
      chatId: r.chat_id,
      messageId: r.message_id,
      sender: r.sender as 'user' | 'bot',
      userId: r.user_id,
      userName: r.user_name,
      text: r.text,
      date: r.date,
    }));
  }

  chatIds(token: string): number[] {
    return (this.stmt('chatsOf').all(token) as Array<{ chat_id: number }>).map((r) => r.chat_id);
  }

  recordAttempt(token: string, attempt: Omit<WebhookAttempt, 'id'>): void {
    this.stmt('insertAttempt').run(
      token,
      attempt.updateId,
      attempt.url,
      attempt.status,
      attempt.error,
      attempt.responseTimeMs,
      attempt.time,
    );
  }

  attempts(token: string, limit = 500): WebhookAttempt[] {
    return (this.stmt('attempts').all(token, limit) as AttemptRow[]).map((r) => ({
      id: r.id,
      updateId: r.update_id,
      url: r.url,
      status: r.status,
      error: r.error,
      responseTimeMs: r.response_time_ms,
      time: r.time,
    }));
  }
}

interface PendingRow {
  update_id: number;
  chat_id: number;
  message: string;
  attempts: number;
  next_attempt_at: number;
}
interface MessageRow {
  id: number;
  chat_id: number;
  message_id: number;
  sender: string;
  user_id: number | null;
  user_name: string | null;
  text: string;
  date: number;
}
interface AttemptRow {
  id: number;
  update_id: number;
  url: string;
  status: number | null;
  error: string | null;
  response_time_ms: number;
  time: number;
}

const toPending = (r: PendingRow): PendingUpdate => ({
  updateId: r.update_id,
  chatId: r.chat_id,
  message: JSON.parse(r.message) as UserMessage,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
});
