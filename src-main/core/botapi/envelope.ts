import { BotApiError } from './errors';
import type { HttpAnswer } from './http';

/**
 * Reads the `{ok, result}` / `{ok: false, error_code, description,
 * parameters: {retry_after}}` envelope both platforms use. Any non-2xx or
 * `ok: false` is an error carrying the status and the platform's words.
 */
export function unwrap(
  answer: HttpAnswer,
  method: string,
  target: string,
  hide: (text: string) => string,
): unknown {
  let body: unknown;
  try {
    body = answer.text === '' ? undefined : JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const parameters = (envelope.parameters ?? {}) as Record<string, unknown>;
  const retryAfter =
    typeof parameters.retry_after === 'number'
      ? parameters.retry_after
      : headerSeconds(answer.headers['retry-after']);
  // A platform may echo what it was sent: its words are redacted like ours.
  const description =
    typeof envelope.description === 'string' && envelope.description !== ''
      ? hide(envelope.description)
      : null;

  if (answer.status < 200 || answer.status >= 300 || envelope.ok === false) {
    return fail({
      kind: 'api',
      method,
      target,
      status: answer.status,
      retryAfter,
      description:
        description ??
        (body === undefined
          ? `The API answered ${answer.status} with a body that is not JSON.`
          : `HTTP ${answer.status}`),
    });
  }
  if (body === undefined) {
    return fail({
      kind: 'invalid-response',
      method,
      target,
      status: answer.status,
      description: 'The answer is not JSON.',
    });
  }
  // Some endpoints (Solafon's settings) answer the object itself, without an envelope.
  return 'ok' in envelope && 'result' in envelope ? envelope.result : body;
}

function fail(init: ConstructorParameters<typeof BotApiError>[0]): never {
  throw new BotApiError(init);
}

function headerSeconds(value: string | string[] | undefined): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
