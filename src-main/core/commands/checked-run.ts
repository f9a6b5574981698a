import type { ResponseRecord, RunResult } from './runtime';

/**
 * What a command set on `res`, checked and serialized where the command ran
 * (its worker): the main thread only frames it, so nothing a command builds
 * (a huge or deeply nested body) costs the main thread more than a copy.
 */
export interface CommandResponse {
  /** An HTTP status from 200 to 599, or null when the command set none. */
  status: number | null;
  /** As set, in order; names and values are valid in an HTTP header. */
  headers: Array<[string, string]>;
  kind: ResponseRecord['kind'];
  /** The body as it will be sent: JSON text for `json` (and `send` of a non-string), else the text; null with no res call. */
  body: string | null;
  /** What the body is, unless the command sets Content-Type itself; null without a body. */
  contentType: string | null;
}

/** One `Api.sendMessage` call, as the host will send it. */
export interface OutboxMessage {
  /** null: the user's chat. */
  chatId: number | string | null;
  text: string;
  /** Why it cannot be sent, when it cannot. */
  problem: string | null;
}

export type CheckedRun =
  | { ok: true; response: CommandResponse; logs: string[]; outbox: OutboxMessage[] }
  | { ok: false; reason: string; logs: string[] };

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What Node itself accepts in a header value: tab, visible ASCII, space and Latin-1 (no CR, LF, NUL, U+2028…). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers a command may not set: the server owns framing and length. */
const OWNED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);
const MAX_MESSAGES = 20;
const NEEDS_TEXT = 'Api.sendMessage needs a text (and a chat_id when the user has no chat).';

/** Checks what a successful run set and puts it in the form the host sends; a run that set something unusable fails here. */
export function checkRun(run: RunResult): CheckedRun {
  if (!run.ok) return run;
  const fail = (reason: string): CheckedRun => ({ ok: false, reason, logs: run.logs });
  const { status, headers, kind, body } = run.response;
  if (
    status !== null &&
    (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
  ) {
    return fail(`res.status(${preview(status)}) is not an HTTP status from 200 to 599.`);
  }
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || OWNED.has(name.toLowerCase())) {
      return fail(`res.set(${preview(name)}, …) is not a header a command may set.`);
    }
    if (!HEADER_VALUE.test(value)) {
      return fail(
        `res.set(${preview(name)}, …): the value has a character a header cannot carry (CR, LF, NUL, another control character, or one beyond Latin-1 such as U+2028).`,
      );
    }
    pairs.push([name, value]);
  }
  let sent: { body: string | null; contentType: string | null };
  try {
    sent = bodyText(kind, body);
  } catch {
    return fail('The response body could not be serialized (nested too deeply).');
  }
  return {
    ok: true,
    response: { status, headers: pairs, kind, ...sent },
    logs: run.logs,
    outbox: run.outbox.slice(0, MAX_MESSAGES).map(toMessage),
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** TeleBotHost's types: `send` of a string is HTML, of anything else JSON. */
function bodyText(
  kind: ResponseRecord['kind'],
  body: unknown,
): { body: string | null; contentType: string | null } {
  switch (kind) {
    case null:
      return { body: null, contentType: null };
    case 'redirect':
      return { body: String(body), contentType: null };
    case 'json':
      return { body: JSON.stringify(body ?? null), contentType: JSON_TYPE };
    case 'send':
      return typeof body === 'string'
        ? { body, contentType: HTML_TYPE }
        : { body: JSON.stringify(body ?? null), contentType: JSON_TYPE };
    case 'text':
      return { body: String(body), contentType: 'text/plain; charset=utf-8' };
    case 'html':
      return { body: String(body), contentType: HTML_TYPE };
  }
}

function toMessage(raw: unknown): OutboxMessage {
  const message = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = typeof message.text === 'string' ? message.text : '';
  const chatId = message.chat_id ?? null;
  if (chatId !== null && typeof chatId !== 'number' && typeof chatId !== 'string') {
    return { chatId: null, text, problem: 'Api.sendMessage: chat_id is a number or a string.' };
  }
  return { chatId, text, problem: text === '' ? NEEDS_TEXT : null };
}

function preview(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 100);
  } catch {
    return '…';
  }
}
