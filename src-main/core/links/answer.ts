import type { ResponseRecord } from '../commands/runtime';
import type { Answer } from '../receiver/answers';
import { isHttpsUrl } from '../signer/sign';

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body: JSON.stringify(value),
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
});

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers a command may not set: the server owns framing and length. */
const OWNED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade']);

export const linkAnswers = {
  rejected: (check: string, reason: string): Answer =>
    json(403, { ok: false, error: 'invalid-link', check, reason }),
  unknownCommand: (command: string): Answer =>
    json(404, { ok: false, error: 'unknown-command', reason: `There is no command named "${command}".` }),
  failed: (reason: string): Answer => json(500, { ok: false, error: 'command-error', reason }),
};

/**
 * What the command set on `res`, as an HTTP answer: TeleBotHost's defaults
 * (200 {"status":"success"}, or the signed redirect) when it set nothing.
 */
export function answerFromResponse(response: ResponseRecord, signedRedirect: string | null): Answer {
  const status = response.status ?? (response.kind === 'redirect' ? 302 : 200);
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    return linkAnswers.failed(`res.status(${JSON.stringify(status)}) is not an HTTP status from 200 to 599.`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!HEADER_NAME.test(name) || /[\r\n]/.test(value) || OWNED.has(name.toLowerCase())) {
      return linkAnswers.failed(`res.set(${JSON.stringify(name)}, …) is not a header a command may set.`);
    }
    headers[name] = value;
  }
  switch (response.kind) {
    case null:
      if (signedRedirect !== null && response.status === null) {
        return { status: 302, body: '', headers: { ...headers, Location: signedRedirect } };
      }
      return json(status, { status: 'success' }, headers);
    case 'redirect': {
      const url = String(response.body);
      if (!isHttpsUrl(url))
        return json(400, { error: 'Invalid redirect', url, reason: 'Only absolute https:// URLs.' });
      return {
        status: response.status === null ? 302 : status,
        body: '',
        headers: { ...headers, Location: url },
      };
    }
    case 'json':
      return json(status, response.body ?? null, headers);
    case 'text':
      return {
        status,
        body: String(response.body),
        headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
      };
    case 'html':
      return {
        status,
        body: String(response.body),
        headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
      };
    case 'send': {
      const body = response.body;
      if (typeof body === 'string') {
        return { status, body, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } };
      }
      return json(status, body ?? null, headers);
    }
  }
}
