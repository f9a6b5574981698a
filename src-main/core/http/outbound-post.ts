import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';

/** What a target answered to one POST, or why it did not; the body kept only up to a cap. */
export interface PostResult {
  /** Null: no answer (refused, unreachable, timed out); `error` says why. */
  status: number | null;
  contentType: string | null;
  body: string;
  /** The target answered more than the cap; `body` is its start. */
  truncated: boolean;
  headers: Array<[string, string]>;
  error: string | null;
  durationMs: number;
}

/** What is kept of a target's answer: enough to read it, never a target's whole download. */
export const ANSWER_BODY_CAP = 64 * 1024;

/**
 * POSTs deliveries on to targets outside (forwarding, replay), over a pool
 * of its own: a bounded wait for every answer, the answer's body capped, and
 * any failure returned as a result rather than thrown.
 */
export class OutboundPost {
  private readonly agent = new Agent({ keepAliveTimeout: 4000, connections: 64 });

  async send(
    url: string,
    body: Buffer,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<PostResult> {
    const started = Date.now();
    // One plain timer for the whole exchange (connect, answer, body). AbortSignal.timeout
    // did the same with a weakly held timer, which cost more than the request itself
    // when a bulk replay sent thousands a second.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineError()), timeoutMs);
    try {
      const res = await request(url, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: deadline.signal,
      });
      const { text, truncated } = await readCapped(res.body);
      const contentType = res.headers['content-type'];
      return {
        status: res.statusCode,
        contentType: Array.isArray(contentType) ? (contentType[0] ?? null) : (contentType ?? null),
        body: text,
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
        err instanceof DeadlineError ||
        deadline.signal.aborted ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT';
      return notSent(
        timedOut ? `Timeout: no answer within ${timeoutMs / 1000} s` : `${code ?? 'Error'}: ${err.message}`,
        started,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.agent.close().catch(() => undefined);
  }
}

/** A POST that got no answer (or was never sent), with why. */
export function notSent(error: string, started: number): PostResult {
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

/** Why a POST was given up: its whole exchange outlasted the timeout. */
class DeadlineError extends Error {
  override name = 'TimeoutError';
}

/**
 * An answer's body up to `cap` bytes, then the rest dropped (the connection
 * with it). Read with listeners rather than `for await`: an async iterator
 * per answer was a visible share of a bulk replay's time.
 */
export function readCapped(
  body: Readable,
  cap = ANSWER_BODY_CAP,
): Promise<{ text: string; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      if (size + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - size));
        body.removeAllListeners('data');
        // Settled first: the error that destroying the stream may raise must not reject it.
        resolve({ text: Buffer.concat(chunks).toString('utf8'), truncated: true });
        body.destroy();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    body.once('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), truncated: false }));
    body.on('error', reject);
  });
}
