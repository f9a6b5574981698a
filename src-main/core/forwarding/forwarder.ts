import { createHash } from 'node:crypto';
import { describeError } from '../describe-error';
import { HOP_BY_HOP } from '../http/hop-by-hop';
import { notSent, OutboundPost, type PostResult } from '../http/outbound-post';
import type { NewAttempt } from '../replay/store';
import { forwardedBy, HOP_HEADER } from './hop';

/** What the forwarding target answered (its body capped), or why it did not. */
export type ForwardResult = PostResult;

/** The platforms wait 10 s; a proxy must answer within that. */
export const PROXY_TIMEOUT_MS = 9_000;
const TAP_RETRIES_MS = [1000, 2000, 4000];

export interface ForwarderOptions {
  record: (attempt: NewAttempt) => Promise<void>;
  /** This inspector's id for this run, sent in the hop header. */
  instanceId: string;
  log: (message: string) => void;
  /** Tap's waits between retries. */
  retryDelays?: readonly number[];
}

/** Sends live deliveries on to a target: `proxy` waits for it, `tap` retries in the background. */
export class Forwarder {
  private readonly post = new OutboundPost();
  private readonly record: (attempt: NewAttempt) => Promise<void>;
  private readonly retryDelays: readonly number[];
  private stopped = false;

  constructor(private readonly options: ForwarderOptions) {
    this.record = options.record;
    this.retryDelays = options.retryDelays ?? TAP_RETRIES_MS;
  }

  async send(
    url: string,
    body: Buffer,
    headers: Array<[string, string]>,
    timeoutMs = PROXY_TIMEOUT_MS,
  ): Promise<ForwardResult> {
    const started = Date.now();
    if (forwardedBy(headers).length > 0) {
      // Forwarded once already: sending it on again is how one POST became thousands.
      return notSent(
        `Refused: the delivery carries ${HOP_HEADER} (an inspector forwarded it already); forwarding it again could loop.`,
        started,
      );
    }
    const outgoing: Record<string, string> = {};
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      if (!HOP_BY_HOP.has(key)) outgoing[key] = key in outgoing ? `${outgoing[key]}, ${value}` : value;
    }
    outgoing[HOP_HEADER.toLowerCase()] = this.options.instanceId;
    return this.post.send(url, body, outgoing, timeoutMs);
  }

  attempt(
    deliveryId: number,
    mode: 'tap' | 'proxy',
    url: string,
    body: Buffer,
    result: ForwardResult,
  ): Promise<void> {
    return this.record({
      deliveryId,
      jobId: `forward-${mode}`,
      target: url,
      status: result.status,
      error: result.error,
      durationMs: result.durationMs,
      responseHeaders: result.headers,
      responseBody: result.body,
      responseTruncated: result.truncated,
      sentBodySha256: createHash('sha256').update(body).digest('hex'),
      sentAt: Date.now() - result.durationMs,
    });
  }

  /** Tap: in the background, retried on failure; every attempt recorded. */
  tap(deliveryId: number, url: string, body: Buffer, headers: Array<[string, string]>): void {
    (async () => {
      for (let attempt = 0; !this.stopped; attempt++) {
        const result = await this.send(url, body, headers, 10_000);
        if (this.stopped) return;
        await this.attempt(deliveryId, 'tap', url, body, result);
        const ok = result.status !== null && result.status >= 200 && result.status < 300;
        const wait = this.retryDelays[attempt];
        if (ok || wait === undefined) return;
        await new Promise((r) => setTimeout(r, wait).unref());
      }
    })().catch((error: unknown) =>
      // Recording can fail (the database is gone or full); the delivery itself is already stored.
      this.options.log(`forwarding: tap of delivery ${deliveryId} failed: ${describeError(error)}`),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.post.close();
  }
}
