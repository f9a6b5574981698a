import type { ServerResponse } from 'node:http';
import { sendJsonText } from '../http/send-json';

/** What the receiver answers, in one place so the stored copy matches the wire. */
export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const json = (status: number, value: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(value),
  ...(headers ? { headers } : {}),
});

const failure = (status: number, error: string, reason: string, headers?: Record<string, string>): Answer =>
  json(status, { ok: false, error, reason }, headers);

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The answer to almost every delivery: made once, not stringified per request (the hot path). */
const ACCEPTED: Answer = Object.freeze(json(200, { ok: true }));

export const answers = {
  /** A response rule's answer: its status and body as set in the inbox's settings. */
  byRule: (status: number, body: string): Answer => ({
    status,
    body,
    headers: {
      'Content-Type':
        body === '' || isJson(body) ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    },
  }),
  /** Proxy mode: the target's answer handed back to the platform, or 502 when it gave none. */
  proxied: (result: {
    status: number | null;
    contentType: string | null;
    body: string;
    error: string | null;
  }): Answer =>
    result.status === null
      ? failure(502, 'forward-failed', `The forwarding target did not answer: ${result.error ?? 'no answer'}`)
      : {
          status: result.status,
          body: result.body,
          headers: { 'Content-Type': result.contentType ?? 'application/octet-stream' },
        },
  accepted: (): Answer => ACCEPTED,
  /** Never says what the secret is, nor how the one sent differs. */
  badSecret: (): Answer =>
    failure(
      401,
      'bad-secret',
      'The X-Telegram-Bot-Api-Secret-Token header is missing or does not match this bot’s webhook secret.',
    ),
  malformedJson: (reason: string): Answer =>
    failure(400, 'malformed-json', `The body is not valid JSON: ${reason}`),
  tooLarge: (size: number, limit: number): Answer =>
    failure(413, 'too-large', `The body is ${size} bytes; this receiver accepts at most ${limit}.`),
  unknownInbox: (inbox: string): Answer =>
    failure(
      404,
      'unknown-inbox',
      `There is no inbox named "${inbox}". Create it in the inspector, or POST to /webhook for the default inbox.`,
    ),
  notFound: (path: string): Answer =>
    failure(
      404,
      'not-found',
      `Nothing is served at ${path}. POST deliveries to /webhook or /webhook/<inbox>.`,
    ),
  methodNotAllowed: (method: string, allow = 'POST'): Answer =>
    failure(
      405,
      'method-not-allowed',
      allow === 'POST'
        ? `${method} is not accepted here; deliveries are POSTed.`
        : `${method} is not accepted here.`,
      { Allow: allow },
    ),
  forwardLoop: (): Answer =>
    failure(
      508,
      'forward-loop',
      'This delivery was forwarded by this inspector and came back to its own receiver; it is neither stored nor forwarded again. Point forwarding at your bot, not at this inspector.',
    ),
  badRequest: (reason: string): Answer => failure(400, 'bad-request', reason),
  storageFailed: (): Answer =>
    failure(503, 'storage-unavailable', 'The delivery could not be saved; retry later.', {
      'Retry-After': '1',
    }),
  /** Too many bodies are being read at once; the platform retries, by then memory is free again. */
  busy: (): Answer =>
    failure(503, 'busy', 'The receiver is reading too many request bodies at once; retry later.', {
      'Retry-After': '1',
      // Whatever else this client sends for the request would only be read to be thrown away.
      Connection: 'close',
    }),
  /** For requests that never reached a handler (see the receiver's clientError). */
  requestTimeout: (headersMs: number, requestMs: number): Answer =>
    failure(
      408,
      'request-timeout',
      `The request did not arrive in time: the head is expected within ${headersMs / 1000} s and the whole request within ${requestMs / 1000} s.`,
    ),
  headersTooLarge: (): Answer =>
    failure(431, 'headers-too-large', 'The request head (request line and headers) is too large.'),
  malformedHttp: (): Answer => failure(400, 'bad-request', 'The request is not valid HTTP/1.1.'),
  internal: (): Answer => failure(500, 'internal', 'The receiver failed on this request; it keeps running.'),
  about: (): Answer =>
    json(200, {
      ok: true,
      service: 'Bot Webhook Inspector receiver',
      post_to: ['/webhook', '/webhook/<inbox>'],
    }),
};

/** Puts an answer on the wire, byte for byte what is stored with the delivery. */
export function sendAnswer(res: ServerResponse, answer: Answer): void {
  sendJsonText(res, answer.status, answer.body, answer.headers);
}
