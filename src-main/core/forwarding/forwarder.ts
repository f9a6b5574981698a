import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';
import { describeError } from '../describe-error';
import { HOP_BY_HOP } from '../http/hop-by-hop';
import type { NewAttempt } from '../replay/store';
import { forwardedBy, HOP_HEADER } from './hop';

export interface ForwardResult {
  status: number | null;
  contentType: string | null;
  body: string;
  truncated: boolean;
  headers: Array<[string, string]>;
  error: string | null;
  durationMs: number;
}

const MAX_BODY = 64 * 1024;
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
  private readonly agent = new Agent({ keepAliveTimeout: 4000, connections: 64 });
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
      return failed(
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
    try {
      const res = await request(url, {
        method: 'POST',
        headers: outgoing,
        body,
        dispatcher: this.agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        if (size + chunk.length > MAX_BODY) {
          chunks.push(chunk.subarray(0, MAX_BODY - size));
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(chunk);
        size += chunk.length;
      }
      const contentType = res.headers['content-type'];
      return {
        status: res.statusCode,
        contentType: Array.isArray(contentType) ? (contentType[0] ?? null) : (contentType ?? null),
        body: Buffer.concat(chunks).toString('utf8'),
        truncated,
        headers: Object.entries(res.headers).flatMap(([k, v]) =>
          v === undefined
            ? []
            : Array.isArray(v)
              ? v.map((x): [string, string] => [k, x])
              : [[k, v] as [string, string]],
        ),
        error: null,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      const err = error as Error & { code?: string; cause?: { code?: string } };
      const code = err.code ?? err.cause?.code;
      const timedOut =
        err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
      return failed(
        timedOut ? `Timeout: no answer within ${timeoutMs / 1000} s` : `${code ?? 'Error'}: ${err.message}`,
        started,
      );
    }
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
    await this.agent.close().catch(() => undefined);
  }
}

function failed(error: string, started: number): ForwardResult {
  return {
    status: null,
    contentType: null,
    body: '',
    truncated: false,
    headers: [],
    error,
    durationMs: Date.now() - started,
  };
}
