import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BotApiError, HttpPools, solafonApi, telegramApi } from '../../../src-main/core/botapi';

const TOKEN = '123456:SECRET-bot-token-abcdef';
const JWT = 'eyJhbGciOi.secret-user-jwt.signature';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A fake platform whose next answers the test decides. */
function fakePlatform() {
  let handler: Handler = (_req, _body, res) => res.end('{"ok":true,"result":true}');
  const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, body, res);
    });
  });
  return {
    seen,
    answer(next: Handler) {
      handler = next;
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, _body, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };

async function failure(promise: Promise<unknown>): Promise<BotApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BotApiError);
    return error as BotApiError;
  }
  throw new Error('expected a failure');
}

const platform = fakePlatform();
let base = '';
const http = new HttpPools();

beforeAll(async () => {
  base = await platform.start();
});
afterEach(() => {
  platform.seen.length = 0;
});
afterAll(async () => {
  await http.close();
  await platform.close();
});

const telegram = (timeoutMs = 2000) => telegramApi(http, { baseUrl: base, token: TOKEN, timeoutMs });
const solafon = () => solafonApi(http, { baseUrl: `${base}/api/v1`, token: TOKEN, appId: 'app-7', jwt: JWT });

const expectNoSecrets = (error: BotApiError) => {
  for (const text of [error.message, error.target, error.description, JSON.stringify(error)]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(JWT);
  }
};

describe('Telegram adapter', () => {
  it('calls /bot<token>/<method> with every setWebhook option', async () => {
    platform.answer(json(200, { ok: true, result: true, description: 'Webhook was set' }));
    await telegram().setWebhook({
      url: 'https://bot.example/hook',
      secretToken: 'abc_DEF-1',
      dropPendingUpdates: true,
      maxConnections: 10,
      allowedUpdates: ['message'],
    });
    expect(platform.seen[0]?.url).toBe(`/bot${TOKEN}/setWebhook`);
    expect(JSON.parse(platform.seen[0]?.body ?? '')).toEqual({
      url: 'https://bot.example/hook',
      secret_token: 'abc_DEF-1',
      drop_pending_updates: true,
      max_connections: 10,
      allowed_updates: ['message'],
    });
  });

  it('reads getWebhookInfo with the error fields', async () => {
    platform.answer(
      json(200, {
        ok: true,
        result: {
          url: 'https://bot.example/hook',
          has_custom_certificate: false,
          pending_update_count: 3,
          last_error_date: 1704067200,
          last_error_message: 'Connection refused',
          max_connections: 40,
          allowed_updates: ['message'],
        },
      }),
    );
    const info = await telegram().getWebhookInfo();
    expect(info).toMatchObject({
      url: 'https://bot.example/hook',
      pendingUpdateCount: 3,
      lastErrorDate: 1704067200,
      lastErrorMessage: 'Connection refused',
      maxConnections: 40,
      ipAddress: null,
    });
  });

  it('refuses a non-HTTPS webhook before any request', async () => {
    const error = await failure(telegram().setWebhook({ url: 'http://bot.example/hook' }));
    expect(error.kind).toBe('refused');
    expect(error.description).toMatch(/HTTPS/);
    expect(platform.seen).toHaveLength(0);
  });

  it('allows loopback http only for the sandbox', async () => {
    platform.answer(json(200, { ok: true, result: true }));
    const sandbox = telegramApi(http, { baseUrl: base, token: TOKEN, allowLoopbackHttp: true });
    await sandbox.setWebhook({ url: 'http://127.0.0.1:8787/webhook' });
    expect(platform.seen).toHaveLength(1);
    const error = await failure(sandbox.setWebhook({ url: 'http://bot.example/hook' }));
    expect(error.kind).toBe('refused');
  });

  it('turns 401 into a typed error with the platform description, without the token', async () => {
    platform.answer(json(401, { ok: false, error_code: 401, description: 'Unauthorized' }));
    const error = await failure(telegram().getWebhookInfo());
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      description: 'Unauthorized',
      method: 'getWebhookInfo',
    });
    expect(error.target).toContain('/bot***/getWebhookInfo');
    expectNoSecrets(error);
  });

  it('carries retry_after from a 429', async () => {
    platform.answer(
      json(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      }),
    );
    const error = await failure(telegram().sendMessage({ chatId: 1, text: 'hi' }));
    expect(error).toMatchObject({ kind: 'api', status: 429, retryAfter: 7 });
  });

  it('reads Retry-After when the 429 body has none', async () => {
    platform.answer(json(429, { ok: false }, { 'retry-after': '3' }));
    expect((await failure(telegram().sendMessage({ chatId: 1, text: 'hi' }))).retryAfter).toBe(3);
  });

  it('reports a 5xx with a non-JSON body', async () => {
    platform.answer((_req, _body, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const error = await failure(telegram().getWebhookInfo());
    expect(error).toMatchObject({ kind: 'api', status: 502 });
    expect(error.description).toMatch(/not JSON/);
  });

  it('reports malformed JSON on a 200 as an invalid response', async () => {
    platform.answer((_req, _body, res) => res.end('{"ok": tru'));
    const error = await failure(telegram().getWebhookInfo());
    expect(error.kind).toBe('invalid-response');
  });

  it('reports ok:false on a 200 as an API error', async () => {
    platform.answer(json(200, { ok: false, description: 'Bad Request: chat not found' }));
    const error = await failure(telegram().sendMessage({ chatId: 1, text: 'hi' }));
    expect(error).toMatchObject({ kind: 'api', status: 200, description: 'Bad Request: chat not found' });
  });

  it('times out on a server that never answers, saying what was tried', async () => {
    platform.answer(() => undefined);
    const error = await failure(telegram(300).getWebhookInfo());
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('POST');
    expect(error.message).toContain('/bot***/getWebhookInfo');
    expectNoSecrets(error);
  });

  it('reports a refused connection as a network error naming the target', async () => {
    const closed = telegramApi(http, { baseUrl: 'http://127.0.0.1:1', token: TOKEN, timeoutMs: 2000 });
    const error = await failure(closed.getWebhookInfo());
    expect(error.kind).toBe('network');
    expect(error.target).toBe('POST http://127.0.0.1:1/bot***/getWebhookInfo');
    expectNoSecrets(error);
  });
});

describe('Solafon adapter', () => {
  it('uses the seed routes with the bearer token', async () => {
    platform.answer(json(200, { ok: true, result: true, description: 'Webhook was set' }));
    await solafon().setWebhook({ url: 'https://bot.example/hook' });
    await solafon().deleteWebhook();
    await solafon().sendMessage({ chatId: 456, text: 'Welcome' });
    expect(platform.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/v1/bot/setWebhook',
      'POST /api/v1/bot/deleteWebhook',
      'POST /api/v1/bot/sendMessage',
    ]);
    expect(platform.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(platform.seen[0]?.body ?? '')).toEqual({ url: 'https://bot.example/hook' });
    expect(JSON.parse(platform.seen[2]?.body ?? '')).toEqual({ chat_id: 456, text: 'Welcome' });
  });

  it('reads getWebhookInfo as the seed shows it', async () => {
    platform.answer(
      json(200, {
        ok: true,
        result: { url: 'https://x.example/webhook', has_custom_certificate: false, pending_update_count: 5 },
      }),
    );
    const info = await solafon().getWebhookInfo();
    expect(platform.seen[0]?.method).toBe('GET');
    expect(info).toMatchObject({
      url: 'https://x.example/webhook',
      hasCustomCertificate: false,
      pendingUpdateCount: 5,
      lastErrorMessage: null,
    });
  });

  it('reads webhookLogs with the JWT, keeping unknown fields and nulling missing ones', async () => {
    platform.answer(
      json(200, {
        webhookLogs: [
          {
            updateId: 9,
            url: 'https://x.example/webhook',
            statusCode: 500,
            responseTime: 120,
            createdAt: '2026-01-01T00:00:00Z',
            extra: 'kept',
          },
          { something: 'else' },
        ],
      }),
    );
    const logs = await solafon().getWebhookLogs();
    expect(platform.seen[0]?.url).toBe('/api/v1/apps/app-7/settings');
    expect(platform.seen[0]?.headers.authorization).toBe(`Bearer ${JWT}`);
    expect(logs[0]).toMatchObject({
      updateId: 9,
      status: 500,
      responseTimeMs: 120,
      time: '2026-01-01T00:00:00.000Z',
    });
    expect(logs[0]?.raw.extra).toBe('kept');
    expect(logs[1]).toMatchObject({
      updateId: null,
      status: null,
      responseTimeMs: null,
      time: null,
      raw: { something: 'else' },
    });
  });

  it('refuses to read logs without an app id and JWT', async () => {
    const error = await failure(solafonApi(http, { baseUrl: base, token: TOKEN }).getWebhookLogs());
    expect(error.kind).toBe('refused');
    expect(platform.seen).toHaveLength(0);
  });

  it('never shows the JWT in a logs error', async () => {
    platform.answer(json(403, { ok: false, description: `token ${JWT} expired` }));
    const error = await failure(solafon().getWebhookLogs());
    expect(error.status).toBe(403);
    expectNoSecrets(error);
  });
});
