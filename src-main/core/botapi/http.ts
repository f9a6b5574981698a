import { errors, Pool } from 'undici';
import { BotApiError } from './errors';

export interface HttpCall {
  /** The contract-level method name, for error messages: `setWebhook`. */
  method: string;
  httpMethod: 'GET' | 'POST';
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  timeoutMs: number;
  /** How to show the URL in errors: without tokens. */
  redact: (text: string) => string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * One keep-alive pool per origin, reused by every call to the same API (no
 * global fetch, no connection per request). Failures become BotApiErrors that
 * say what was tried, without secrets.
 */
export class HttpPools {
  private readonly pools = new Map<string, Pool>();

  async call(call: HttpCall): Promise<HttpAnswer> {
    const url = new URL(call.url);
    const target = call.redact(`${call.httpMethod} ${url.origin}${url.pathname}`);
    const pool = this.pool(url.origin, call.timeoutMs);
    const body = call.json === undefined ? undefined : JSON.stringify(call.json);
    try {
      const res = await pool.request({
        method: call.httpMethod,
        path: `${url.pathname}${url.search}`,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...call.headers,
        },
        body,
        headersTimeout: call.timeoutMs,
        bodyTimeout: call.timeoutMs,
        signal: AbortSignal.timeout(call.timeoutMs),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          res.body.destroy();
          throw new BotApiError({
            kind: 'invalid-response',
            method: call.method,
            target,
            status: res.statusCode,
            description: `The answer is larger than ${MAX_ANSWER_BYTES} bytes.`,
          });
        }
        chunks.push(chunk);
      }
      return { status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      throw toBotApiError(error, call, target);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close().catch(() => undefined)));
  }

  private pool(origin: string, timeoutMs: number): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: 8, connectTimeout: Math.min(timeoutMs, 10_000) });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

function toBotApiError(error: unknown, call: HttpCall, target: string): BotApiError {
  if (error instanceof BotApiError) return error;
  const timedOut =
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError ||
    error instanceof errors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  if (timedOut) {
    return new BotApiError({
      kind: 'timeout',
      method: call.method,
      target,
      description: `No answer within ${call.timeoutMs / 1000} s.`,
    });
  }
  const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code;
  const message = call.redact(err.message ?? String(error));
  return new BotApiError({
    kind: 'network',
    method: call.method,
    target,
    description: `Could not reach the API${code ? ` (${code})` : ''}: ${message}`,
  });
}
