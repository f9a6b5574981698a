import type { CommandResponse } from '../commands/checked-run';
import type { Answer } from '../receiver/answers';
import { isHttpsUrl } from '../signer/sign';

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body: JSON.stringify(value),
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
});

export const linkAnswers = {
  rejected: (check: string, reason: string): Answer =>
    json(403, { ok: false, error: 'invalid-link', check, reason }),
  unknownCommand: (command: string): Answer =>
    json(404, { ok: false, error: 'unknown-command', reason: `There is no command named "${command}".` }),
  failed: (reason: string): Answer => json(500, { ok: false, error: 'command-error', reason }),
  /** The request could not be handed to the command (e.g. a body nested too deep to parse safely). */
  badRequest: (reason: string): Answer => json(400, { ok: false, error: 'command-error', reason }),
  /** Every command worker is busy and the queue is full: the caller may come back. */
  busy: (reason: string, retryAfterSeconds: number): Answer =>
    json(429, { ok: false, error: 'busy', reason }, { 'Retry-After': String(retryAfterSeconds) }),
  invalidRedirect: (url: string): Answer =>
    json(400, { error: 'Invalid redirect', url, reason: 'Only absolute https:// URLs.' }),
};

/**
 * What the command set on `res` (already checked in its worker), as an HTTP
 * answer: TeleBotHost's defaults (200 {"status":"success"}, or the signed
 * redirect) when it set nothing. A `Location` set by hand obeys the same
 * https-only rule as `res.redirect`.
 */
export function answerFromResponse(response: CommandResponse, signedRedirect: string | null): Answer {
  const set = new SetHeaders(response.headers);
  const handLocation = set.get('location');
  if (handLocation !== null && !isHttpsUrl(handLocation)) return linkAnswers.invalidRedirect(handLocation);

  if (response.kind === 'redirect') {
    const url = response.body ?? '';
    if (!isHttpsUrl(url)) return linkAnswers.invalidRedirect(url);
    return { status: response.status ?? 302, body: '', headers: set.framed(JSON_TYPE, url) };
  }
  if (response.kind === null) {
    if (signedRedirect !== null && response.status === null) {
      return { status: 302, body: '', headers: set.framed(JSON_TYPE, signedRedirect) };
    }
    return {
      status: response.status ?? 200,
      body: JSON.stringify({ status: 'success' }),
      headers: set.framed(JSON_TYPE),
    };
  }
  return {
    status: response.status ?? 200,
    body: response.body ?? '',
    headers: set.framed(response.contentType ?? JSON_TYPE),
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * What the command set with `res.set`. Header names are case-insensitive: a
 * command's `content-type` replaces the default rather than going out beside
 * it, and a redirect's `Location` replaces one set by hand.
 */
class SetHeaders {
  private readonly byName = new Map<string, [string, string]>();

  constructor(pairs: Array<[string, string]>) {
    for (const [name, value] of pairs) this.byName.set(name.toLowerCase(), [name, value]);
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase())?.[1] ?? null;
  }

  /** The headers to send: the command's, its Content-Type or `contentType`, and `location` when the answer redirects. */
  framed(contentType: string, location?: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, [name, value]] of this.byName) {
      if (key === 'content-type' || (location !== undefined && key === 'location')) continue;
      out[name] = value;
    }
    // Spelled as the server spells its own default, so the command's replaces it.
    out['Content-Type'] = this.get('content-type') ?? contentType;
    if (location !== undefined) out.Location = location;
    return out;
  }
}
