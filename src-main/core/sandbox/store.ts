import { randomInt } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import { newBotSecrets, tokenDigest } from './bot-secrets';
import { type ChatRow, type MessageRow, toChatMessage } from './chat-rows';
import { type ChatWrites, chatWrites } from './chat-writes';
import type {
  ChatMessage,
  Dialect,
  PendingUpdate,
  SandboxBot,
  SandboxEvent,
  UserMessage,
  WebhookAttempt,
} from './records';
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
  readonly queueMessage: ChatWrites['queueMessage'];
  readonly addBotMessage: ChatWrites['addBotMessage'];
  /** A user edits their own message: the row changes and an `edited_message` is queued. Null: no such message. */
  readonly queueEdit: ChatWrites['queueEdit'];
  /** A button press: a row for the chat, and a `callback_query` queued. */
  readonly queueCallback: ChatWrites['queueCallback'];
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
        `INSERT INTO sandbox_messages (bot_id, chat_id, message_id, sender, user_id, user_name, text, date, kind, reply_markup, update_id)
         VALUES (@botId, @chatId, @messageId, @sender, @userId, @userName, @text, @date, @kind, @replyMarkup, @updateId)`,
      ),
      nextUpdateId: db.prepare(
        'UPDATE sandbox_bots SET next_update_id = next_update_id + 1 WHERE bot_id = ? RETURNING next_update_id - 1 AS updateId',
      ),
      messageRow: db.prepare(
        "SELECT * FROM sandbox_messages WHERE bot_id = ? AND chat_id = ? AND message_id = ? AND kind NOT IN ('callback', 'callback_answer')",
      ),
      editRow: db.prepare(
        'UPDATE sandbox_messages SET text = @text, reply_markup = @replyMarkup, edited_at = @editedAt, update_id = coalesce(@updateId, update_id) WHERE id = @id',
      ),
      updateChat: db.prepare('SELECT chat_id FROM sandbox_updates WHERE bot_id = ? AND update_id = ?'),
      giveUp: db.prepare(
        'UPDATE sandbox_updates SET delivered_at = ?, given_up_at = ?, attempts = attempts + 1 WHERE bot_id = ? AND update_id = ?',
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
      // The newest rows (up to the limit), oldest first, each with the state of the update that last carried it.
      chat: db.prepare(
        `SELECT * FROM (
           SELECT m.*, u.delivered_at AS u_delivered_at, u.given_up_at AS u_given_up_at, u.attempts AS u_attempts,
             (SELECT l.status FROM sandbox_webhook_logs l WHERE l.bot_id = m.bot_id AND l.update_id = m.update_id ORDER BY l.id DESC LIMIT 1) AS l_status,
             (SELECT coalesce(l.error, '') FROM sandbox_webhook_logs l WHERE l.bot_id = m.bot_id AND l.update_id = m.update_id ORDER BY l.id DESC LIMIT 1) AS l_error
           FROM sandbox_messages m
           LEFT JOIN sandbox_updates u ON u.bot_id = m.bot_id AND u.update_id = m.update_id
           WHERE m.bot_id = ? AND m.chat_id = ? ORDER BY m.id DESC LIMIT ?
         ) ORDER BY id`,
      ),
      chatsOf: db.prepare(
        'SELECT chat_id, max(id) AS last FROM sandbox_messages WHERE bot_id = ? GROUP BY chat_id ORDER BY last DESC',
      ),
      insertAttempt: db.prepare(
        'INSERT INTO sandbox_webhook_logs (bot_id, update_id, url, status, error, response_time_ms, time) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      attempts: db.prepare('SELECT * FROM sandbox_webhook_logs WHERE bot_id = ? ORDER BY id DESC LIMIT ?'),
    };

    const writes = chatWrites(db, (name) => this.stmt(name));
    this.queueMessage = writes.queueMessage;
    this.queueEdit = writes.queueEdit;
    this.queueCallback = writes.queueCallback;
    this.addBotMessage = writes.addBotMessage;

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
    return (this.stmt('chat').all(botId, chatId, limit) as ChatRow[]).map(toChatMessage);
  }

  /** A message of the chat by its message id (not button presses or answers), or null. */
  message(botId: number, chatId: number, messageId: number): ChatMessage | null {
    const row = this.stmt('messageRow').get(botId, chatId, messageId) as MessageRow | undefined;
    return row
      ? toChatMessage({
          ...row,
          u_delivered_at: null,
          u_given_up_at: null,
          u_attempts: null,
          l_status: null,
          l_error: null,
        })
      : null;
  }

  /** The bot edits its message's text (and keyboard, when given). */
  editBotMessage(
    message: ChatMessage,
    text: string,
    replyMarkup: ChatMessage['replyMarkup'] | undefined,
    now: number,
  ): ChatMessage {
    const markup = replyMarkup === undefined ? message.replyMarkup : replyMarkup;
    const editedAt = Math.floor(now / 1000);
    this.stmt('editRow').run({
      id: message.id,
      text,
      replyMarkup: markup === null ? null : JSON.stringify(markup),
      editedAt,
      updateId: null,
    });
    return { ...message, text, replyMarkup: markup, editedAt };
  }

  /** The chat an update went to (a callback query's, for answerCallbackQuery), or null. */
  updateChat(botId: number, updateId: number): number | null {
    const row = this.stmt('updateChat').get(botId, updateId) as { chat_id: number } | undefined;
    return row?.chat_id ?? null;
  }

  /** Retries ran out: no longer pending (the chat's next update may go), and shown as failed. */
  giveUp(botId: number, updateId: number, now: number): void {
    this.stmt('giveUp').run(now, now, botId, updateId);
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
interface AttemptRow {
  id: number;
  update_id: number;
  url: string;
  status: number | null;
  error: string | null;
  response_time_ms: number;
  time: number;
}

/** Rows queued before updates had kinds hold the bare message. */
function eventOf(json: string): SandboxEvent {
  const value = JSON.parse(json) as SandboxEvent | UserMessage;
  return 'type' in value ? value : { type: 'message', message: value };
}

const toPending = (r: PendingRow): PendingUpdate => ({
  updateId: r.update_id,
  chatId: r.chat_id,
  event: eventOf(r.message),
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
});
