import { request } from 'undici';
import { joinUrl } from '../botapi/caller';
import { redact } from '../botapi/redact';
import { describeError } from '../describe-error';

export class TelegramCallError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One Bot API call, as capture needs it: abortable (a long poll must end
 * when Stop is pressed) and sending exactly the values given — restoring a
 * webhook puts back what the platform accepted before, not what our own
 * checks would allow. The token never appears in an error.
 */
export async function telegramCall(
  target: { baseUrl: string; token: string },
  method: string,
  params: Record<string, unknown>,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<unknown> {
  const hide = (text: string) => redact(text, [target.token]);
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(joinUrl(target.baseUrl, `bot${target.token}/${method}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal: AbortSignal.any(signals),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new TelegramCallError(null, hide(`${method}: ${describeError(error)}`));
  }
  const text = await res.body.text();
  let envelope: { ok?: unknown; result?: unknown; description?: unknown };
  try {
    envelope = JSON.parse(text) as typeof envelope;
  } catch {
    throw new TelegramCallError(res.statusCode, `${method}: HTTP ${res.statusCode}, not a Bot API answer`);
  }
  if (envelope.ok !== true) {
    const description =
      typeof envelope.description === 'string' ? envelope.description : `HTTP ${res.statusCode}`;
    throw new TelegramCallError(res.statusCode, hide(`${method}: ${description}`));
  }
  return envelope.result;
}
