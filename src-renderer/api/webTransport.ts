// Runtime values come from the contract's zod-free modules: the barrel would bundle every schema.
import { REVOKED_CLOSE_CODE, WEB_API_PREFIX, WEB_EVENTS_PATH } from '@contract/bridge';
import { describeError } from '@contract/describe-error';
import { ContractError } from '@contract/errors';
import { type EventName, isEventName } from '@contract/names';
import { createWebFileRoutes } from './fileRoutes';
import { TOKEN_STORAGE_KEY, type TokenEnv, takeToken } from './token';
import type { ConnectionStatus, Transport } from './transport';

/** The subset of the WebSocket API the transport uses, so tests can pass a fake. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  close(): void;
}

export interface WebTransportEnv extends TokenEnv {
  fetch: typeof fetch;
  openSocket: (url: string) => SocketLike;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/**
 * Which inspector the transport talks to, and with what token: the page's
 * own (the browser UI), or a team server the app opened (a workspace).
 */
export interface WebTarget {
  /** scheme://host[:port]: calls go to `<origin>/api/…`, events to `<origin>/events`. */
  origin: string;
  token: string | null;
  /** Called when the server refuses the token, before the call rejects. */
  onRefused?: () => void;
}

/**
 * The page's own inspector: its origin and the token from `?token=` (or the
 * session's copy), which is forgotten once refused, as the server restarted.
 */
export function pageTarget(env: TokenEnv): WebTarget {
  return {
    origin: new URL(env.location.href).origin,
    token: takeToken(env),
    onRefused: () => env.storage.removeItem(TOKEN_STORAGE_KEY),
  };
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

/**
 * Where the page's token is kept: local storage, shared by every tab of this
 * origin and kept across restarts (the inspector keeps its token too), so a
 * second tab or a copied address works; session storage where local storage
 * is refused.
 */
function tokenStorage(): Storage {
  try {
    return window.localStorage;
  } catch {
    return window.sessionStorage;
  }
}

export function browserEnv(): WebTransportEnv {
  return {
    location: window.location,
    history: window.history,
    storage: tokenStorage(),
    fetch: (input, init) => window.fetch(input, init),
    openSocket: (url) => new WebSocket(url),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}

/**
 * The web bridge: calls over `POST /api/<method>`, events over one WebSocket.
 * A team server is reached the same way from any page, with its token as
 * the Bearer of each call and in the events URL (a WebSocket has no headers).
 */
export function createWebTransport(
  env: WebTransportEnv = browserEnv(),
  target: WebTarget = pageTarget(env),
): Transport {
  const { origin, token } = target;
  const eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: SocketLike | null = null;
  let retryTimer: unknown = null;
  let failedAttempts = 0;
  let closed = false;
  const revokedListeners = new Set<() => void>();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const eventsUrl = () => {
    const url = new URL(WEB_EVENTS_PATH, origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token !== null) url.searchParams.set('token', token);
    return url.toString();
  };

  const endSession = () => {
    if (closed) return;
    closed = true;
    if (retryTimer !== null) env.clearTimeout(retryTimer);
    retryTimer = null;
    target.onRefused?.();
    for (const listener of revokedListeners) listener();
  };

  /**
   * A socket that never opened may have been refused for its token (the
   * inspector restarted with a rotated one): the browser does not say why,
   * so one cheap call asks. A 401 ends the session instead of retrying forever.
   */
  const probeToken = async () => {
    try {
      const response = await env.fetch(`${origin}${WEB_API_PREFIX}app.status`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        },
        body: '{}',
      });
      if (response.status === 401) endSession();
    } catch {
      // Not reachable yet: the inspector is still down, and the retries go on.
    }
  };

  const connect = () => {
    retryTimer = null;
    if (closed) return;
    const current = env.openSocket(eventsUrl());
    let opened = false;
    socket = current;
    current.onopen = () => {
      opened = true;
      failedAttempts = 0;
      setStatus('live');
    };
    current.onmessage = (event) => {
      const message = parseMessage(event.data);
      if (message === null) return;
      for (const listener of eventListeners) listener(message.name, message.payload);
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      if (closed) return;
      // The server ended this session for good: reconnecting would only be refused.
      if (event.code === REVOKED_CLOSE_CODE) {
        closed = true;
        for (const listener of revokedListeners) listener();
        return;
      }
      setStatus(status === 'connecting' ? 'connecting' : 'reconnecting');
      if (!opened) void probeToken();
      // 0.5 s doubling to 5 s: quick after a blip, gentle while the inspector is down.
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failedAttempts);
      failedAttempts += 1;
      retryTimer = env.setTimeout(connect, delay);
    };
  };

  return {
    onRevoked(listener) {
      revokedListeners.add(listener);
      return () => revokedListeners.delete(listener);
    },
    async invoke(method, input) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await env.fetch(`${origin}${WEB_API_PREFIX}${method}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        const detail = describeError(error);
        throw new ContractError('unavailable', `Cannot reach the inspector at ${origin}: ${detail}`);
      }
      const body = await readJson(response);
      if (response.ok) {
        if (body === undefined) throw ContractError.fromBody(undefined);
        return body;
      }
      if (response.status === 401) {
        target.onRefused?.();
        if (!isErrorBody(body)) {
          throw new ContractError('unauthorized', 'The inspector refused the access token.');
        }
      }
      throw errorFromBody(body);
    },

    subscribe(listener) {
      eventListeners.add(listener);
      if (socket === null && retryTimer === null && !closed) connect();
      return () => {
        eventListeners.delete(listener);
      };
    },

    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => {
        statusListeners.delete(listener);
      };
    },

    // `env.fetch` is read per upload, so a test (or a polyfill) can replace it later.
    files: createWebFileRoutes({ origin, token, fetch: (input, init) => env.fetch(input, init) }),

    close() {
      closed = true;
      if (retryTimer !== null) env.clearTimeout(retryTimer);
      retryTimer = null;
      const current = socket;
      socket = null;
      current?.close();
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isErrorBody(body: unknown): body is { error: unknown; message: unknown } {
  return typeof body === 'object' && body !== null && 'error' in body && 'message' in body;
}

/**
 * A server of another version may answer with an error code this build does
 * not know (a team server's 403 for a role): its message is still the one to show.
 */
function errorFromBody(body: unknown): ContractError {
  const error = ContractError.fromBody(body);
  if (error.code === 'internal' && isErrorBody(body) && typeof body.message === 'string') {
    return new ContractError('internal', body.message);
  }
  return error;
}

function parseMessage(data: unknown): { name: EventName; payload: unknown } | null {
  if (typeof data !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { name, payload } = message as Record<string, unknown>;
  // The origin is trusted, but an unknown name would reach no listener anyway.
  return isEventName(name) ? { name, payload } : null;
}
