import { ContractError, type Role, WEB_API_PREFIX, Whoami } from '@contract';
import { request } from 'undici';
import { readCapped } from '../http/outbound-post';

export interface TeamServerCheck {
  /** The server's origin: what the UI connects to. */
  url: string;
  personName: string;
  role: Role;
}

export interface CheckOptions {
  /** How long the server may take to answer (default 10 s). */
  timeoutMs?: number;
}

/** Plain http is for a server on this machine only: anywhere else the token would cross the network readable. */
const PLAIN_HTTP_HOSTS = new Set(['127.0.0.1', 'localhost']);
const MAX_ANSWER_BYTES = 64 * 1024;

/** The origin of a team server's address, or a bad-input error saying what is wrong with it. */
export function teamServerOrigin(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ContractError('bad-input', `"${address}" is not an address: use https://host[:port].`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ContractError(
      'bad-input',
      'Leave credentials out of the address: the token has its own field.',
    );
  }
  if (url.protocol === 'http:' && !PLAIN_HTTP_HOSTS.has(url.hostname)) {
    throw new ContractError(
      'bad-input',
      `Use https:// for ${url.host}: over plain http the token could be read on the way. Plain http is only for a server on this machine (127.0.0.1 or localhost).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ContractError(
      'bad-input',
      'A team server is reached over https:// (or http:// on this machine).',
    );
  }
  if (url.pathname !== '/') {
    throw new ContractError(
      'bad-input',
      `A team server is served at the root of its host: use ${url.origin} without ${url.pathname}.`,
    );
  }
  return url.origin;
}

/**
 * Asks the server who the token belongs to (`POST /api/app.whoami`), so a
 * workspace is only kept once its address and token are known to work.
 */
export async function checkTeamServer(
  address: string,
  token: string,
  options: CheckOptions = {},
): Promise<TeamServerCheck> {
  const origin = teamServerOrigin(address);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let status: number;
  let location: string | undefined;
  let text: string;
  try {
    const res = await request(`${origin}${WEB_API_PREFIX}app.whoami`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.statusCode;
    const header = res.headers.location;
    location = Array.isArray(header) ? header[0] : header;
    const answer = await readCapped(res.body, MAX_ANSWER_BYTES);
    // Whoami is a few hundred bytes: anything this large is some other server's page.
    text = answer.truncated ? '' : answer.text;
  } catch (error) {
    throw new ContractError('unavailable', `Cannot reach ${origin}: ${reason(error, timeoutMs)}`);
  }

  if (status === 401) {
    throw new ContractError(
      'bad-input',
      `${origin} refused the token: check that it was copied whole and has not been revoked (an admin can add you again).`,
    );
  }
  if (status >= 300 && status < 400) {
    throw new ContractError(
      'bad-input',
      `${origin} redirects${location ? ` to ${location}` : ''}: add the server with the address it redirects to.`,
    );
  }
  const body = parseJson(text);
  if (status === 404 || (status === 200 && body === undefined)) throw notATeamServer(origin);
  if (status !== 200) {
    const said = ContractError.fromBody(body);
    throw new ContractError(
      'unavailable',
      `${origin} answered ${status}${body === undefined ? '' : `: ${said.message}`}`,
    );
  }
  const whoami = Whoami.safeParse(body);
  if (!whoami.success) throw notATeamServer(origin);
  if (whoami.data.mode !== 'team' || whoami.data.person === null) {
    throw new ContractError(
      'bad-input',
      `${origin} is an inspector for one person, not a team server (serve --database postgres://…): open it in its own window instead.`,
    );
  }
  return { url: origin, personName: whoami.data.person.name, role: whoami.data.person.role };
}

function notATeamServer(origin: string): ContractError {
  return new ContractError(
    'bad-input',
    `${origin} does not answer as a Bot Webhook Inspector team server (no app.whoami): check the address, and that the server is this version or newer.`,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function reason(error: unknown, timeoutMs: number): string {
  const err = error as Error & { code?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code;
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  if (code === 'ECONNREFUSED') return 'nothing listens there (connection refused)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
    return `its TLS certificate is not trusted (${code})`;
  }
  const message = err.cause?.message ?? err.message;
  return code ? `${message} (${code})` : message;
}
