import { randomInt } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import { newBotSecrets, tokenDigest } from './bot-secrets';
import type { ChatMessage, Dialect, PendingUpdate, SandboxBot, UserMessage, WebhookAttempt } from './records';
import { sealPlaintextBots } from './seal-plaintext';

interface BotRow {
  bot_id: number;
  token_sha256: string;
  token: Buffer;
  username: string;
  first_name: string;
  app_id: string;
  jwt: Buffer;
  webhook_url: string;
  webhook_dialect: string | null;
  secret_token: Buffer | null;
  max_connections: number | null;
  allowed_updates: string | null;
  last_error_date: number | null;
  last_error_message: string | null;
}

export interface WebhookSettings {
  url: string;
  dialect: Dialect;
  secretToken: string | null;
  maxConnections: number | null;
  allowedUpdates: string[] | null;
}

/**
 * The sandbox platform's state in SQLite; statements prepared once. A bot's
 * token, JWT and webhook secret are sealed by the SecretBox like every other
 * secret; a token is found by its SHA-256, and everything else by the bot's
 * public id.
 */
export class SandboxStore {
  private readonly s: Record<string, Statement>;
  readonly queueMessage: (
    botId: number,
    message: Omit<UserMessage, 'messageId'>,
    now: number,
  ) => { updateId: number; message: UserMessage };
  readonly addBotMessage: (botId: number, chatId: number, text: string, now: number) => ChatMessage;
  /** Bots whose secrets were sealed under another key: they got a new token and JWT at start. */
  readonly reissued: number[];

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    sealPlaintextBots(db, box);
    this.s = {
      bots: db.prepare('SELECT * FROM sandbox_bots ORDER BY bot_id'),
      botByToken: db.prepare('SELECT * FROM sandbox_bots WHERE token_sha256 = ?'),
      botById: db.prepare('SELECT * FROM sandbox_bots WHERE bot_id = ?'),
      botByAppId: db.prepare('SELECT * FROM sandbox_bots WHERE app_id = ?'),
      insertBot: db.prepare(
        `INSERT INTO sandbox_bots (bot_id, token_sha256, token, username, first_name, app_id, jwt, next_update_id)
         VALUES (@botId, @tokenSha256, @token, @username, @firstName, @appId, @jwt, @nextUpdateId)`,
      ),
      reissue: db.prepare(
        'UPDATE sandbox_bots SET token_sha256 = @tokenSha256, token = @token, jwt = @jwt, secret_token = NULL WHERE bot_id = @botId',
      ),
      setWebhook: db.prepare(
        `UPDATE sandbox_bots SET webhook_url = @url, webhook_dialect = @dialect, secret_token = @secretToken,
           max_connections = @maxConnections, allowed_updates = @allowedUpdates,
           last_error_date = NULL, last_error_message = NULL WHERE bot_id = @botId`,
      ),
      recordError: db.prepare(
        'UPDATE sandbox_bots SET last_error_date = ?, last_error_message = ? WHERE bot_id = ?',
      ),
      nextIds: db.prepare(
        'UPDATE sandbox_bots SET next_update_id = next_update_id + 1, next_message_id = next_message_id + 1 WHERE bot_id = ? RETURNING next_update_id - 1 AS updateId, next_message_id - 1 AS messageId',
      ),
      nextMessageId: db.prepare(
        'UPDATE sandbox_bots SET next_message_id = next_message_id + 1 WHERE bot_id = ? RETURNING next_message_id - 1 AS messageId',
      ),
      insertUpdate: db.prepare(
        'INSERT INTO sandbox_updates (bot_id, update_id, chat_id, message, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertMessage: db.prepare(
        `INSERT INTO sandbox_messages (bot_id, chat_id, message_id, sender, user_id, user_name, text, date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      pending: db.prepare(
        'SELECT update_id, chat_id, message, attempts, next_attempt_at FROM sandbox_updates WHERE bot_id = ? AND delivered_at IS NULL ORDER BY update_id',
      ),
      pendingAfter: db.prepare(
        'SELECT update_id, chat_id, message, attempts, next_attempt_at FROM sandbox_updates WHERE bot_id = ? AND delivered_at IS NULL AND update_id >= ? ORDER BY update_id LIMIT ?',
      ),
      pendingCount: db.prepare(
        'SELECT count(*) AS n FROM sandbox_updates WHERE bot_id = ? AND delivered_at IS NULL',
      ),
      markDelivered: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ?, attempts = attempts + 1 WHERE bot_id = ? AND update_id = ?',
      ),
      confirmBelow: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ? WHERE bot_id = ? AND update_id < ? AND delivered_at IS NULL',
      ),
      markFailed: db.prepare(
        'UPDATE sandbox_updates SET attempts = attempts + 1, next_attempt_at = ? WHERE bot_id = ? AND update_id = ?',
      ),
      retryNow: db.prepare(
        'UPDATE sandbox_updates SET next_attempt_at = ? WHERE bot_id = ? AND delivered_at IS NULL',
      ),
      dropPending: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ? WHERE bot_id = ? AND delivered_at IS NULL',
      ),
      chat: db.prepare('SELECT * FROM sandbox_messages WHERE bot_id = ? AND chat_id = ? ORDER BY id LIMIT ?'),
      chatsOf: db.prepare(
        'SELECT chat_id, max(id) AS last FROM sandbox_messages WHERE bot_id = ? GROUP BY chat_id ORDER BY last DESC',
      ),
      insertAttempt: db.prepare(
        'INSERT INTO sandbox_webhook_logs (bot_id, update_id, url, status, error, response_time_ms, time) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      attempts: db.prepare('SELECT * FROM sandbox_webhook_logs WHERE bot_id = ? ORDER BY id DESC LIMIT ?'),
    };

    this.queueMessage = db.transaction(
      (botId: number, message: Omit<UserMessage, 'messageId'>, now: number) => {
        const ids = this.s.nextIds?.get(botId) as { updateId: number; messageId: number } | undefined;
        if (!ids) throw new Error('unknown sandbox bot');
        const full: UserMessage = { ...message, messageId: ids.messageId };
        this.s.insertUpdate?.run(botId, ids.updateId, message.chat.id, JSON.stringify(full), now, now);
        this.s.insertMessage?.run(
          botId,
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

    this.addBotMessage = db.transaction((botId: number, chatId: number, text: string, now: number) => {
      const ids = this.s.nextMessageId?.get(botId) as { messageId: number } | undefined;
      if (!ids) throw new Error('unknown sandbox bot');
      const date = Math.floor(now / 1000);
      const result = this.s.insertMessage?.run(botId, chatId, ids.messageId, 'bot', null, null, text, date);
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

    this.reissued = this.reissueUnreadable();
  }

  private stmt(name: string): Statement {
    const statement = this.s[name];
    if (!statement) throw new Error(`no statement ${name}`);
    return statement;
  }

  bots(): SandboxBot[] {
    return (this.stmt('bots').all() as BotRow[]).map((row) => this.toBot(row));
  }

  /** The bot a bot API call names by its token, or null: the 401 of the real platforms. */
  botByToken(token: string): SandboxBot | null {
    const row = this.stmt('botByToken').get(tokenDigest(token)) as BotRow | undefined;
    return row ? this.toBot(row) : null;
  }

  botById(botId: number): SandboxBot | null {
    const row = this.stmt('botById').get(botId) as BotRow | undefined;
    return row ? this.toBot(row) : null;
  }

  botByAppId(appId: string): SandboxBot | null {
    const row = this.stmt('botByAppId').get(appId) as BotRow | undefined;
    return row ? this.toBot(row) : null;
  }

  createBot(username: string, firstName: string): SandboxBot {
    const botId = randomInt(1_000_000_000, 2_000_000_000);
    this.stmt('insertBot').run({
      botId,
      ...this.sealedSecrets(botId),
      username,
      firstName,
      appId: `sandbox-app-${botId}`,
      // Telegram's update ids do not start at 1; neither do ours, so nobody relies on it.
      nextUpdateId: randomInt(100_000, 900_000),
    });
    const bot = this.botById(botId);
    if (!bot) throw new Error('sandbox bot was not saved');
    return bot;
  }

  setWebhook(botId: number, settings: WebhookSettings): void {
    this.stmt('setWebhook').run({
      botId,
      url: settings.url,
      dialect: settings.url === '' ? null : settings.dialect,
      secretToken: settings.secretToken === null ? null : this.box.encrypt(settings.secretToken),
      maxConnections: settings.maxConnections,
      allowedUpdates: settings.allowedUpdates === null ? null : JSON.stringify(settings.allowedUpdates),
    });
  }

  private sealedSecrets(botId: number) {
    const { token, jwt } = newBotSecrets(botId);
    return { tokenSha256: tokenDigest(token), token: this.box.encrypt(token), jwt: this.box.encrypt(jwt) };
  }

  /**
   * A replaced key file, or a data dir moved between the desktop app and web
   * mode, leaves secrets nobody can open. The sandbox is ours to fix: its bot
   * gets a new token and JWT (the sandbox profile takes them at start) and
   * keeps its chats; a webhook secret it had is dropped.
   */
  private reissueUnreadable(): number[] {
    const ids: number[] = [];
    for (const row of this.stmt('bots').all() as BotRow[]) {
      try {
        this.toBot(row);
      } catch {
        this.stmt('reissue').run({ botId: row.bot_id, ...this.sealedSecrets(row.bot_id) });
        ids.push(row.bot_id);
      }
    }
    return ids;
  }

  private toBot(r: BotRow): SandboxBot {
    return {
      token: this.box.decrypt(r.token),
      botId: r.bot_id,
      username: r.username,
      firstName: r.first_name,
      appId: r.app_id,
      jwt: this.box.decrypt(r.jwt),
      webhookUrl: r.webhook_url,
      webhookDialect: r.webhook_dialect as Dialect | null,
      secretToken: r.secret_token === null ? null : this.box.decrypt(r.secret_token),
      maxConnections: r.max_connections,
      allowedUpdates: r.allowed_updates === null ? null : (JSON.parse(r.allowed_updates) as string[]),
      lastErrorDate: r.last_error_date,
      lastErrorMessage: r.last_error_message,
    };
  }

  recordError(botId: number, dateSeconds: number, message: string): void {
    this.stmt('recordError').run(dateSeconds, message, botId);
  }

  pending(botId: number): PendingUpdate[] {
    return (this.stmt('pending').all(botId) as PendingRow[]).map(toPending);
  }

  pendingFrom(botId: number, fromUpdateId: number, limit: number): PendingUpdate[] {
    return (this.stmt('pendingAfter').all(botId, fromUpdateId, limit) as PendingRow[]).map(toPending);
  }

  pendingCount(botId: number): number {
    return (this.stmt('pendingCount').get(botId) as { n: number }).n;
  }

  markDelivered(botId: number, updateId: number, now: number): void {
    this.stmt('markDelivered').run(now, botId, updateId);
  }

  /** getUpdates' offset: everything below it is confirmed. */
  confirmBelow(botId: number, updateId: number, now: number): void {
    this.stmt('confirmBelow').run(now, botId, updateId);
  }

  markFailed(botId: number, updateId: number, nextAttemptAt: number): void {
    this.stmt('markFailed').run(nextAttemptAt, botId, updateId);
  }

  retryNow(botId: number, now: number): void {
    this.stmt('retryNow').run(now, botId);
  }

  dropPending(botId: number, now: number): void {
    this.stmt('dropPending').run(now, botId);
  }

  chat(botId: number, chatId: number, limit = 500): ChatMessage[] {
    return (this.stmt('chat').all(botId, chatId, limit) as MessageRow[]).map((r) => ({
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

  chatIds(botId: number): number[] {
    return (this.stmt('chatsOf').all(botId) as Array<{ chat_id: number }>).map((r) => r.chat_id);
  }

  recordAttempt(botId: number, attempt: Omit<WebhookAttempt, 'id'>): void {
    this.stmt('insertAttempt').run(
      botId,
      attempt.updateId,
      attempt.url,
      attempt.status,
      attempt.error,
      attempt.responseTimeMs,
      attempt.time,
    );
  }

  attempts(botId: number, limit = 500): WebhookAttempt[] {
    return (this.stmt('attempts').all(botId, limit) as AttemptRow[]).map((r) => ({
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
