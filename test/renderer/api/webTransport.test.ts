import { ContractError, REVOKED_CLOSE_CODE } from '@contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../src-renderer/api/client';
import { TOKEN_STORAGE_KEY } from '../../../src-renderer/api/token';
import type { ConnectionStatus } from '../../../src-renderer/api/transport';
import {
  browserEnv,
  createWebTransport,
  pageTarget,
  type SocketLike,
  type WebTransportEnv,
} from '../../../src-renderer/api/webTransport';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  closed = false;
  constructor(readonly url: string) {}
  open() {
    this.onopen?.(new Event('open'));
  }
  send(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
  drop() {
    this.onclose?.(new CloseEvent('close'));
  }
  close() {
    this.closed = true;
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(fetchImpl: WebTransportEnv['fetch'] = async () => json(200, {})) {
  const sockets: FakeSocket[] = [];
  const fetchMock = vi.fn(fetchImpl);
  const env: WebTransportEnv = {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: fetchMock,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  return { env, sockets, fetchMock };
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/?token=t0k3n&view=x#frag');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('web transport: token', () => {
  it('reads the token from the URL, keeps it in sessionStorage and strips it from the address', () => {
    const { env } = setup();
    createWebTransport(env);
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('t0k3n');
    expect(window.location.search).toBe('?view=x');
    expect(window.location.hash).toBe('#frag');
  });

  it('falls back to the stored token after a reload', async () => {
    createWebTransport(setup().env);
    // The reload: the URL no longer has the token.
    const { env, fetchMock } = setup();
    const transport = createWebTransport(env);
    await transport.invoke('app.info', {});
    const init = fetchMock.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer t0k3n');
  });
});

describe('web transport: calls', () => {
  it('POSTs the input as JSON to /api/<method> with the Bearer token and returns the body', async () => {
    const output = { items: [], total: 0 };
    const { env, fetchMock } = setup(async () => json(200, output));
    const transport = createWebTransport(env);
    await expect(transport.invoke('deliveries.list', { limit: 5 })).resolves.toEqual(output);

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${window.location.origin}/api/deliveries.list`);
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('Bearer t0k3n');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ limit: 5 });
  });

  it('maps a 401 body to an unauthorized ContractError and forgets the stored token', async () => {
    const { env } = setup(async () =>
      json(401, { error: 'unauthorized', message: 'Missing or wrong token.' }),
    );
    const transport = createWebTransport(env);
    const error = await transport.invoke('app.info', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'Missing or wrong token.' });
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('treats a 401 without a readable body as unauthorized too', async () => {
    const { env } = setup(async () => new Response('nope', { status: 401 }));
    await expect(createWebTransport(env).invoke('app.info', {})).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('maps a 404 body to its ContractError', async () => {
    const { env } = setup(async () => json(404, { error: 'not-found', message: 'There is no delivery #9.' }));
    await expect(createWebTransport(env).invoke('deliveries.get', { id: 9 })).rejects.toMatchObject({
      name: 'ContractError',
      code: 'not-found',
      message: 'There is no delivery #9.',
    });
  });

  it('reports a network failure as unavailable, naming the origin', async () => {
    const { env } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createWebTransport(env).invoke('app.info', {})).rejects.toMatchObject({
      code: 'unavailable',
      message: `Cannot reach the inspector at ${window.location.origin}: Failed to fetch`,
    });
  });
});

describe('web transport: events', () => {
  it('opens ws://<host>/events?token=… on first subscribe and delivers named events', () => {
    const { env, sockets } = setup();
    const transport = createWebTransport(env);
    expect(sockets).toHaveLength(0);
    const received: unknown[] = [];
    transport.subscribe((name, payload) => received.push([name, payload]));
    expect(sockets).toHaveLength(1);
    const url = new URL(sockets[0]?.url ?? '');
    expect(url.protocol).toBe('ws:');
    expect(url.host).toBe(window.location.host);
    expect(url.pathname).toBe('/events');
    expect(url.searchParams.get('token')).toBe('t0k3n');

    sockets[0]?.open();
    sockets[0]?.send({ name: 'inboxes.changed', payload: {} });
    sockets[0]?.send({ name: 'no.such.event', payload: {} });
    expect(received).toEqual([['inboxes.changed', {}]]);
  });

  it('reconnects with a doubling backoff capped at 5 s, and the client fires onReconnect on each re-open', () => {
    vi.useFakeTimers();
    const { env, sockets } = setup();
    const transport = createWebTransport(env);
    const client = createClient(transport);
    const statuses: ConnectionStatus[] = [];
    client.onStatus((status) => statuses.push(status));
    let reconnects = 0;
    client.onReconnect(() => {
      reconnects += 1;
    });
    client.on('delivery.added', () => {});

    sockets[0]?.open();
    expect(reconnects).toBe(1); // the first open may also follow a missed window
    sockets[0]?.drop();
    expect(statuses.at(-1)).toBe('reconnecting');

    const delays = [500, 1000, 2000, 4000, 5000, 5000];
    for (const [attempt, delay] of delays.entries()) {
      vi.advanceTimersByTime(delay - 1);
      expect(sockets).toHaveLength(attempt + 1);
      vi.advanceTimersByTime(1);
      expect(sockets).toHaveLength(attempt + 2);
      if (attempt < delays.length - 1) sockets.at(-1)?.drop();
    }
    expect(reconnects).toBe(1);
    sockets.at(-1)?.open();
    expect(statuses.at(-1)).toBe('live');
    expect(reconnects).toBe(2);

    // After a successful open the backoff starts again from 0.5 s.
    sockets.at(-1)?.drop();
    const count = sockets.length;
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(count + 1);
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting', 'live', 'reconnecting']);
  });

  it('stops reconnecting once a call is refused for the token', async () => {
    vi.useFakeTimers();
    const { env, sockets } = setup(async () => json(401, { error: 'unauthorized', message: 'Wrong token.' }));
    const client = createClient(createWebTransport(env));
    let unauthorized = 0;
    client.onUnauthorized(() => {
      unauthorized += 1;
    });
    client.on('delivery.added', () => {});
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(unauthorized).toBe(1);
    expect(sockets[0]?.closed).toBe(true);
    sockets[0]?.drop();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('web transport: a revoked token', () => {
  it('stops reconnecting when the server closes the events for good, and the client says the token is refused', () => {
    vi.useFakeTimers();
    const { env, sockets } = setup();
    const client = createClient(createWebTransport(env));
    let unauthorized = 0;
    client.onUnauthorized(() => {
      unauthorized += 1;
    });
    client.on('delivery.added', () => {});
    sockets[0]?.open();
    sockets[0]?.onclose?.(new CloseEvent('close', { code: REVOKED_CLOSE_CODE }));
    expect(unauthorized).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('web transport: a token refused after a restart', () => {
  it('asks once a socket fails to open, and ends the session on a 401 instead of reconnecting forever', async () => {
    vi.useFakeTimers();
    const { env, sockets, fetchMock } = setup(async () =>
      json(401, { error: 'unauthorized', message: 'no' }),
    );
    const client = createClient(createWebTransport(env));
    let unauthorized = 0;
    client.onUnauthorized(() => {
      unauthorized += 1;
    });
    client.on('delivery.added', () => {});
    sockets[0]?.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`${window.location.origin}/api/app.status`);
    expect(unauthorized).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(1);
  });

  it('keeps retrying while the inspector is only down', async () => {
    vi.useFakeTimers();
    const { env, sockets } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createClient(createWebTransport(env));
    client.on('delivery.added', () => {});
    sockets[0]?.drop();
    await vi.advanceTimersByTimeAsync(600);
    expect(sockets).toHaveLength(2);
    sockets[1]?.open();
    let status = '';
    client.onStatus((next) => {
      status = next;
    });
    expect(status).toBe('live');
  });
});

describe('web transport: a team server', () => {
  const target = { origin: 'https://inspector.example.com', token: 'bwi_person_token' };

  it("calls the server's origin with the person's token, leaving the page's own token alone", async () => {
    const { env, fetchMock } = setup(async () => json(200, { mode: 'team', person: null }));
    const transport = createWebTransport(env, target);
    await transport.invoke('app.whoami', {});
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('https://inspector.example.com/api/app.whoami');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer bwi_person_token');
    // The page's address still carries its own token: only pageTarget takes it.
    expect(window.location.search).toBe('?token=t0k3n&view=x');
  });

  it('opens wss://<server>/events with the token in the query, as a WebSocket carries no header', () => {
    const { env, sockets } = setup();
    createWebTransport(env, target).subscribe(() => {});
    const url = new URL(sockets[0]?.url ?? '');
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('wss://inspector.example.com/events');
    expect(url.searchParams.get('token')).toBe('bwi_person_token');
  });

  it("tells the target when its token is refused, and keeps the page's stored token", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, 'page-token');
    const { env } = setup(async () => json(401, { error: 'unauthorized', message: 'Revoked.' }));
    const onRefused = vi.fn();
    await expect(
      createWebTransport(env, { ...target, onRefused }).invoke('app.info', {}),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(onRefused).toHaveBeenCalledOnce();
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('page-token');
  });

  it("shows the message of an error code this build does not know (a newer server's role refusal)", async () => {
    const { env } = setup(async () =>
      json(403, { error: 'forbidden', message: 'Replaying needs the operator role; you are a viewer.' }),
    );
    await expect(createWebTransport(env, target).invoke('replay.start', {})).rejects.toMatchObject({
      message: 'Replaying needs the operator role; you are a viewer.',
    });
  });
});

describe('the page’s token in the browser', () => {
  afterEach(() => window.localStorage.clear());

  it('is kept in local storage, so a second tab and a copied address find it', () => {
    window.history.replaceState(null, '', '/?token=shared-token');
    const target = pageTarget(browserEnv());
    expect(target.token).toBe('shared-token');
    expect(window.location.search).toBe('');
    // Another tab of the same origin: no token in its address, the kept one is used.
    expect(pageTarget(browserEnv()).token).toBe('shared-token');
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('shared-token');
    target.onRefused?.();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });
});
