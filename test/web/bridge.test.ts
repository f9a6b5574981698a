import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeliveryListItem } from '@contract';
import { dispatch } from '@contract/dispatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ClientOptions, WebSocket } from 'ws';
import { type Served, serve } from '../../src-main/web/serve';
import { type HttpResponse, httpRequest, postJson } from '../support/http';
import { solafonUpdate } from '../support/payloads';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { waitFor } from '../support/wait';

const INDEX_HTML = '<!doctype html><title>Inspector test page</title><div id="root"></div>';
const SECRET = 'top secret outside the static dir';

interface ErrorBody {
  error: string;
  message: string;
}

describe('web bridge (serve)', () => {
  let root: string;
  let served: Served;
  let ui: string;
  let receiver: string;
  let token: string;

  beforeEach(async () => {
    root = makeTempDir('bwi-web-');
    const staticDir = join(root, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1);');
    // A file next to the static dir: a path traversal would reach it.
    writeFileSync(join(root, 'secret.txt'), SECRET);
    served = await serve({
      dataDir: join(root, 'data'),
      receiverPort: 0,
      sandboxPort: 0,
      uiPort: 0,
      staticDir,
      log: () => {},
    });
    if (served.token === null) throw new Error('The local app’s bridge has a per-run token.');
    token = served.token;
    ui = served.bridge.url;
    receiver = served.core.receiverUrl;
  });

  afterEach(async () => {
    await served.stop();
    removeDir(root);
  });

  const api = (method: string, input: unknown, bearer: string | null = token): Promise<HttpResponse> =>
    httpRequest(`${ui}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }),
      },
      body: typeof input === 'string' ? input : JSON.stringify(input),
    });

  it('listens on loopback and prints a UI URL carrying the token', () => {
    expect(ui).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.uiUrl).toBe(`${ui}/?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the token or with a wrong one (401 JSON), serves them with it', async () => {
    const none = await api('deliveries.list', {}, null);
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/^application\/json/);
    expect(none.json<ErrorBody>().error).toBe('unauthorized');

    const wrong = await api('deliveries.list', {}, `${token.slice(0, -1)}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.json<ErrorBody>().error).toBe('unauthorized');

    const short = await api('deliveries.list', {}, 'x');
    expect(short.status).toBe(401);

    const right = await api('deliveries.list', {});
    expect(right.status).toBe(200);
    expect(right.json()).toEqual({ items: [], total: 0, totalExact: true });
  });

  it('lists deliveries newest first, each with its list fields', async () => {
    for (const n of [1, 2, 3]) {
      expect((await postJson(`${receiver}/webhook`, solafonUpdate(n))).status).toBe(200);
    }
    const res = await api('deliveries.list', {});
    expect(res.status).toBe(200);
    const { items, total } = res.json<{ items: DeliveryListItem[]; total: number }>();
    expect(total).toBe(3);
    expect(items.map((i) => i.updateId)).toEqual([3, 2, 1]);
    for (const item of items) {
      expect(item).toMatchObject({
        id: expect.any(Number),
        inbox: 'default',
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        responseStatus: 200,
        updateId: expect.any(Number),
        problem: null,
      });
    }
    expect(items[0]?.id).toBeGreaterThan(items[1]?.id ?? Infinity);

    const page = await api('deliveries.list', { before: items[0]?.id, limit: 1 });
    expect(page.json<{ items: DeliveryListItem[] }>().items.map((i) => i.updateId)).toEqual([2]);

    const detail = await api('deliveries.get', { id: items[2]?.id });
    expect(detail.status).toBe(200);
    expect(detail.json<{ body: { text: string } }>().body.text).toBe(JSON.stringify(solafonUpdate(1)));
  });

  it('answers an unknown method with 404 unknown-method', async () => {
    const res = await api('deliveries.purge', {});
    expect(res.status).toBe(404);
    expect(res.json<ErrorBody>().error).toBe('unknown-method');
  });

  it('answers a body that is not JSON with 400 bad-input', async () => {
    const res = await api('deliveries.list', '{"limit": ');
    expect(res.status).toBe(400);
    expect(res.json<ErrorBody>().error).toBe('bad-input');
  });

  it('answers invalid input with 400 bad-input naming the field', async () => {
    const res = await api('deliveries.list', { limit: 0 });
    expect(res.status).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.error).toBe('bad-input');
    expect(body.message).toContain('limit');
  });

  it('maps service errors to their status (404 not-found, 409 conflict)', async () => {
    const missing = await api('deliveries.get', { id: 999 });
    expect(missing.status).toBe(404);
    expect(missing.json<ErrorBody>().error).toBe('not-found');
    expect((await api('inboxes.create', { name: 'shop' })).status).toBe(200);
    const again = await api('inboxes.create', { name: 'shop' });
    expect(again.status).toBe(409);
    expect(again.json<ErrorBody>().error).toBe('conflict');
  });

  it('refuses a GET on an API method with 405', async () => {
    const res = await httpRequest(`${ui}/api/deliveries.list`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('refuses a Host header naming another host with 403 (DNS rebinding)', async () => {
    const port = served.bridge.port;
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost']) {
      const res = await httpRequest(`${ui}/api/deliveries.list`, {
        method: 'POST',
        headers: { Host: host, Authorization: `Bearer ${token}` },
        body: '{}',
      });
      expect(res.status).toBe(403);
      const page = await httpRequest(`${ui}/`, { headers: { Host: host } });
      expect(page.status).toBe(403);
      expect(page.text).not.toContain('Inspector test page');
    }
    const local = await httpRequest(`${ui}/`, { headers: { Host: `localhost:${port}` } });
    expect(local.status).toBe(200);
  });

  it('forbids framing of every answer: page, asset, API result, API error', async () => {
    const answers = [
      await httpRequest(`${ui}/`),
      await httpRequest(`${ui}/assets/app-1234.js`),
      await api('deliveries.list', {}),
      await api('deliveries.list', {}, null),
      await httpRequest(`${ui}/nope.js`),
    ];
    for (const res of answers) {
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    }
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 401, 404]);
  });

  const withOrigin = (path: string, origin: string | undefined, method = 'POST'): Promise<HttpResponse> =>
    httpRequest(`${ui}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        ...(origin === undefined ? {} : { Origin: origin }),
      },
      body: method === 'POST' ? '{}' : undefined,
    });

  it.each([
    'http://evil.example',
    `https://127.0.0.1:PORT`,
    'http://127.0.0.1:1',
    'http://127.0.0.1.evil.example:PORT',
    'null',
    'file://',
    'not an origin',
  ])(
    'refuses API, upload and download calls from the origin %s with 403, even with the token',
    async (raw) => {
      const origin = raw.replace('PORT', String(served.bridge.port));
      for (const [path, method] of [
        ['/api/deliveries.list', 'POST'],
        [`/uploads?name=x.ndjson`, 'POST'],
        ['/downloads/export-1.ndjson', 'GET'],
      ] as const) {
        const res = await withOrigin(path, origin, method);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json<ErrorBody>()).toEqual({
          error: 'unauthorized',
          message: 'Calls from another origin are refused.',
        });
      }
    },
  );

  it('serves API calls from its own origin, by any loopback name, and from clients that send none', async () => {
    const port = served.bridge.port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, undefined]) {
      const res = await withOrigin('/api/deliveries.list', origin);
      expect(res.status, String(origin)).toBe(200);
    }
  });

  it('serves index.html at / and built assets', async () => {
    const page = await httpRequest(`${ui}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toBe(INDEX_HTML);
    expect(page.headers['cache-control']).toBe('no-store');

    const asset = await httpRequest(`${ui}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');

    expect((await httpRequest(`${ui}/nope.js`)).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e/%2e%2e/package.json',
  ])('does not serve files outside the static dir (%s)', async (path) => {
    const res = await httpRequest(`${ui}${path}`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(SECRET);
  });

  it('pushes delivery.added over the WebSocket to a client with the token', async () => {
    const ws = new WebSocket(`${ui.replace('http:', 'ws:')}/events?token=${token}`);
    try {
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      const message = new Promise<{ name: string; payload: { items: DeliveryListItem[] } }>((resolve) => {
        ws.on('message', (data) => {
          const parsed = JSON.parse(String(data)) as { name: string; payload: { items: DeliveryListItem[] } };
          if (parsed.name === 'delivery.added') resolve(parsed);
        });
      });
      expect((await postJson(`${receiver}/webhook`, solafonUpdate(77))).status).toBe(200);
      const event = await message;
      expect(event.payload.items).toHaveLength(1);
      expect(event.payload.items[0]).toMatchObject({ updateId: 77, inbox: 'default', responseStatus: 200 });
    } finally {
      ws.terminate();
    }
  });

  const refusedUpgrades: Array<[string, (token: string) => string, (port: number) => ClientOptions]> = [
    ['no token', () => '/events', () => ({})],
    ['a wrong token', (t) => `/events?token=${t}x`, () => ({})],
    ['another path', (t) => `/other?token=${t}`, () => ({})],
    ['a foreign Origin', (t) => `/events?token=${t}`, () => ({ origin: 'http://evil.example' })],
    [
      'a foreign Host',
      (t) => `/events?token=${t}`,
      (port) => ({ headers: { Host: `evil.example:${port}` } }),
    ],
  ];

  it.each(refusedUpgrades)('refuses the WebSocket upgrade with %s (401)', async (_label, path, options) => {
    const ws = new WebSocket(`${ui.replace('http:', 'ws:')}${path(token)}`, options(served.bridge.port));
    const status = await new Promise<number>((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('the upgrade was accepted')));
      ws.once('error', (error) => reject(error));
    });
    ws.terminate();
    expect(status).toBe(401);
  });
});

describe('web bridge downloads and uploads', () => {
  it('needs the token, serves an export as an attachment, and takes an upload for import', async () => {
    const dataDir = makeTempDir('bwi-transfer-bridge-');
    const staticDir = makeTempDir('bwi-static-');
    const served = await serve({ dataDir, receiverPort: 0, sandboxPort: 0, uiPort: 0, staticDir });
    try {
      const base = served.bridge.url;
      expect((await fetch(`${base}/downloads/x.ndjson`)).status).toBe(401);
      expect((await fetch(`${base}/uploads`, { method: 'POST', body: 'x' })).status).toBe(401);
      expect((await fetch(`${base}/downloads/..%2Finspector.sqlite?token=${served.token}`)).status).toBe(404);

      const up = await fetch(`${base}/uploads?token=${served.token}&name=mine.ndjson`, {
        method: 'POST',
        body: '',
      });
      expect(up.status).toBe(200);
      const { file } = (await up.json()) as { file: string };
      expect(file).toMatch(/^upload-[\w-]+\.ndjson$/);
      const started = await dispatch(served.core.service, 'import.start', { format: 'ndjson', file });
      expect(started.ok).toBe(true);

      const exported = await dispatch(served.core.service, 'export.start', { format: 'ndjson' });
      const name = exported.ok ? (exported.value as { file: string }).file : '';
      const download = await waitFor(async () => {
        const res = await fetch(`${base}/downloads/${name}?token=${served.token}`);
        return res.status === 200 && res;
      });
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    } finally {
      await served.stop();
      removeDir(dataDir);
      removeDir(staticDir);
    }
  });

  it('refuses an upload past the exports-and-uploads quota, with the reason', async () => {
    const dataDir = makeTempDir('bwi-quota-bridge-');
    const staticDir = makeTempDir('bwi-static-');
    const served = await serve({
      dataDir,
      receiverPort: 0,
      sandboxPort: 0,
      uiPort: 0,
      staticDir,
      transferLimits: { quotaBytes: 4 * 1024 * 1024 },
      log: () => {},
    });
    try {
      const upload = (bytes: number) =>
        fetch(`${served.bridge.url}/uploads?token=${served.token}&name=big.ndjson`, {
          method: 'POST',
          body: Buffer.alloc(bytes, 0x20),
        });
      const refused = await upload(5 * 1024 * 1024);
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as ErrorBody).message).toMatch(/4 MiB more on disk: delete old exports/);
      expect((await upload(3 * 1024 * 1024)).status).toBe(200);
      // What is kept counts: the room left is now 1 MiB.
      expect((await upload(2 * 1024 * 1024)).status).toBe(413);
      const storage = await dispatch(served.core.service, 'app.storage', {});
      expect(storage.ok && storage.value).toMatchObject({ uploadsBytes: 3 * 1024 * 1024 });
    } finally {
      await served.stop();
      removeDir(dataDir);
      removeDir(staticDir);
    }
  });
});
