import { Agent, request } from 'undici';
import { describeError } from '../describe-error';
import type { PendingUpdate, SandboxBot } from './records';
import type { SandboxStore } from './store';
import { updatePayload } from './updates';

export interface DelivererOptions {
  /** The platform's patience: Solafon and Telegram wait 10 s. */
  timeoutMs: number;
  /** Delay before retry number `attempts` (1, 2, …). */
  backoffMs: (attempts: number) => number;
  /**
   * Attempts before an update is given up (shown as failed in the chat) and
   * the chat's next update may go. Telegram keeps trying for up to a day;
   * on one machine that would only block a chat for nothing.
   */
  maxAttempts?: number;
  /** A webhook answer may carry a method call (Telegram's "reply in the webhook response"). */
  onWebhookReply: (bot: SandboxBot, reply: Record<string, unknown>) => void;
  onChange: (botId: number) => void;
  /** Where a delivery pass that failed outside its own error handling is reported. */
  log: (message: string) => void;
}

export const DEFAULT_MAX_ATTEMPTS = 10;

export const defaultBackoff = (attempts: number): number => Math.min(1000 * 2 ** (attempts - 1), 60_000);

/**
 * Delivers each bot's pending updates to its webhook as the platforms do:
 * in order per chat (a failing update holds back the ones after it), chats
 * in parallel up to max_connections, every attempt logged, failures retried
 * with backoff.
 */
export class Deliverer {
  private readonly agent = new Agent({ keepAliveTimeout: 4000 });
  private readonly inFlight = new Map<number, Set<number>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly store: SandboxStore,
    private readonly options: DelivererOptions,
  ) {}

  /** Looks for work for a bot now (after a new message, a setWebhook, a success). */
  kick(botId: number): void {
    if (this.stopped) return;
    const timer = this.timers.get(botId);
    if (timer) clearTimeout(timer);
    this.timers.delete(botId);
    setImmediate(() => this.pass(botId));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.agent.close().catch(() => undefined);
  }

  private pass(botId: number): void {
    if (this.stopped) return;
    const bot = this.store.botById(botId);
    if (!bot || bot.webhookUrl === '' || bot.webhookDialect === null) return;
    const busy = this.inFlight.get(botId) ?? new Set<number>();
    this.inFlight.set(botId, busy);
    const now = Date.now();
    const heads = new Map<number, PendingUpdate>();
    for (const update of this.store.pending(botId))
      if (!heads.has(update.chatId)) heads.set(update.chatId, update);
    let earliest = Number.POSITIVE_INFINITY;
    const limit = bot.maxConnections ?? 40;
    for (const head of heads.values()) {
      if (busy.has(head.chatId)) continue;
      if (head.nextAttemptAt > now) {
        earliest = Math.min(earliest, head.nextAttemptAt);
        continue;
      }
      if (busy.size >= limit) break;
      busy.add(head.chatId);
      this.deliver(bot, head)
        .catch((error: unknown) => this.options.log(`sandbox: delivery failed: ${describeError(error)}`))
        .finally(() => {
          busy.delete(head.chatId);
          this.kick(botId);
        });
    }
    if (Number.isFinite(earliest)) {
      this.timers.set(
        botId,
        setTimeout(() => this.pass(botId), Math.max(0, earliest - now)),
      );
    }
  }

  private async deliver(bot: SandboxBot, update: PendingUpdate): Promise<void> {
    const dialect = bot.webhookDialect ?? 'telegram';
    const body = JSON.stringify(updatePayload(dialect, update.updateId, update.event, bot));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (dialect === 'telegram' && bot.secretToken)
      headers['x-telegram-bot-api-secret-token'] = bot.secretToken;
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    let reply: unknown;
    try {
      const res = await request(bot.webhookUrl, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = res.statusCode;
      const text = await res.body.text();
      if (status >= 200 && status < 300) reply = parseReply(text, res.headers['content-type']);
      else error = `Wrong response from the webhook: ${status}`;
    } catch (caught) {
      error = describeFailure(caught, this.options.timeoutMs);
    }
    const now = Date.now();
    if (this.stopped) return;
    this.store.recordAttempt(bot.botId, {
      updateId: update.updateId,
      url: bot.webhookUrl,
      status,
      error,
      responseTimeMs: now - started,
      time: now,
    });
    if (error === null) {
      this.store.markDelivered(bot.botId, update.updateId, now);
      if (reply) this.options.onWebhookReply(bot, reply as Record<string, unknown>);
    } else {
      if (update.attempts + 1 >= (this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS))
        this.store.giveUp(bot.botId, update.updateId, now);
      else
        this.store.markFailed(bot.botId, update.updateId, now + this.options.backoffMs(update.attempts + 1));
      this.store.recordError(bot.botId, Math.floor(now / 1000), error);
    }
    this.options.onChange(bot.botId);
  }
}

function parseReply(text: string, contentType: string | string[] | undefined): unknown {
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  if (!type?.includes('application/json')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' &&
      value !== null &&
      typeof (value as { method?: unknown }).method === 'string'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as Error & { code?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code;
  if (
    err.name === 'TimeoutError' ||
    err.name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return `Timeout: the webhook did not answer within ${timeoutMs / 1000} s`;
  }
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ENOTFOUND') return 'Failed to resolve host: name not known';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'Connection reset by the webhook';
  return `Failed to deliver: ${err.message ?? String(error)}`;
}
