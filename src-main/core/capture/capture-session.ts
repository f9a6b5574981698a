import type { CaptureStatus, SavedWebhook } from '@contract';
import { describeError } from '../describe-error';
import { telegramCall } from './telegram-call';

export interface CapturedUpdate {
  updateId: number;
  body: Buffer;
}

export interface SessionOptions {
  profileId: number;
  target: { baseUrl: string; token: string };
  /** The profile's kept webhook secret: getWebhookInfo never returns it. */
  secret: string | null;
  inbox: string;
  tapUrl: string | null;
  /** Stores an update (and forwards it to the tap); resolves once committed. */
  keep: (update: CapturedUpdate) => Promise<void>;
  pollSeconds: number;
  log: (message: string) => void;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/**
 * One Telegram profile captured: its webhook remembered and deleted, its
 * updates taken with getUpdates (each confirmed only once stored), and on
 * stop what is left drained and the webhook set back exactly as it was.
 */
export class CaptureSession {
  private readonly abort = new AbortController();
  private offset: number | null = null;
  private captured = 0;
  private lastError: string | null = null;
  private loop: Promise<void> = Promise.resolve();
  private readonly startedAt = new Date().toISOString();

  private constructor(
    private readonly options: SessionOptions,
    readonly saved: SavedWebhook,
  ) {}

  static async start(options: SessionOptions): Promise<CaptureSession> {
    const call = (method: string, params: Record<string, unknown> = {}) =>
      telegramCall(options.target, method, params, { timeoutMs: 10_000 });
    const info = asRecord(await call('getWebhookInfo'));
    if (info.has_custom_certificate === true) {
      throw new RangeError(
        'This webhook uses a self-signed certificate, which cannot be uploaded again: capture would not restore it exactly.',
      );
    }
    const saved: SavedWebhook = {
      url: typeof info.url === 'string' ? info.url : '',
      allowedUpdates: Array.isArray(info.allowed_updates) ? info.allowed_updates.map(String) : null,
      maxConnections: typeof info.max_connections === 'number' ? info.max_connections : null,
      ipAddress: typeof info.ip_address === 'string' ? info.ip_address : null,
      secretKnown: options.secret !== null,
    };
    // Pending updates stay: they are what capture is for.
    if (saved.url !== '') await call('deleteWebhook', { drop_pending_updates: false });
    const session = new CaptureSession(options, saved);
    session.loop = session.run();
    return session;
  }

  status(): CaptureStatus {
    return {
      profileId: this.options.profileId,
      inbox: this.options.inbox,
      tapUrl: this.options.tapUrl,
      startedAt: this.startedAt,
      captured: this.captured,
      lastError: this.lastError,
      saved: this.saved,
    };
  }

  /** Ends the poll, keeps what is still waiting, and sets the webhook back. */
  async stop(): Promise<CaptureStatus> {
    this.abort.abort();
    await this.loop;
    // Updates that came after the last poll are kept here too, not lost to the restored webhook's past.
    for (let round = 0; round < 100; round++) {
      if ((await this.poll(0)) === 0) break;
    }
    await this.restore();
    return this.status();
  }

  private async restore(): Promise<void> {
    const { saved } = this;
    if (saved.url === '') return;
    await telegramCall(
      this.options.target,
      'setWebhook',
      {
        url: saved.url,
        ...(this.options.secret === null ? {} : { secret_token: this.options.secret }),
        ...(saved.allowedUpdates === null ? {} : { allowed_updates: saved.allowedUpdates }),
        ...(saved.maxConnections === null ? {} : { max_connections: saved.maxConnections }),
        ...(saved.ipAddress === null ? {} : { ip_address: saved.ipAddress }),
      },
      { timeoutMs: 10_000 },
    );
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        await this.poll(this.options.pollSeconds, this.abort.signal);
        this.lastError = null;
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        this.lastError = describeError(error);
        failures++;
        // Backs off, bounded, then tries again until stopped.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(500 * 2 ** failures, 30_000));
          this.abort.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  }

  /** One getUpdates; returns how many updates it kept. */
  private async poll(timeoutSeconds: number, signal?: AbortSignal): Promise<number> {
    const result = await telegramCall(
      this.options.target,
      'getUpdates',
      {
        ...(this.offset === null ? {} : { offset: this.offset }),
        timeout: timeoutSeconds,
        limit: 100,
        ...(this.saved.allowedUpdates === null ? {} : { allowed_updates: this.saved.allowedUpdates }),
      },
      { timeoutMs: (timeoutSeconds + 10) * 1000, signal },
    );
    const updates = Array.isArray(result) ? result : [];
    for (const update of updates) {
      const updateId = asRecord(update).update_id;
      if (typeof updateId !== 'number') continue;
      await this.options.keep({ updateId, body: Buffer.from(JSON.stringify(update)) });
      this.captured++;
      // Confirmed by the next call's offset, only after it is stored.
      this.offset = updateId + 1;
    }
    return updates.length;
  }
}
