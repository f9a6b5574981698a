import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientOptions, WebSocket } from 'ws';
import { type Served, type ServeOptions, serve } from '../../src-main/web/serve';
import { httpRequest } from '../support/http';
import { makeTempDir, removeDir } from '../support/temp-dir';

// A team server's replica behind its TLS proxy (`--public-url`, `--ui-host`): the browser and the
// platforms name the public origin, which the replica must both show and accept.

const PUBLIC = 'https://inspector.example.com';

describe('serve behind a reverse proxy (publicUrl, uiHost)', () => {
  const running: Array<{ served: Served; root: string }> = [];
  afterEach(async () => {
    for (const { served, root } of running.splice(0)) {
      await served.stop();
      removeDir(root);
    }
  });

  const start = async (options: Partial<ServeOptions> = {}) => {
    const root = makeTempDir('bwi-proxy-');
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>behind a proxy</title>');
    const served = await serve({
      dataDir: join(root, 'data'),
      receiverPort: 0,
      sandboxPort: 0,
      uiPort: 0,
      staticDir,
      log: () => undefined,
      publicUrl: PUBLIC,
      ...options,
    });
    running.push({ served, root });
    return served;
  };

  const call = (served: Served, method: string, headers: Record<string, string>, body: unknown = {}) =>
    httpRequest(`${served.bridge.url}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('shows the public receiver URL, and makes links for the public origin that the verifier takes', async () => {
    const served = await start();
    const { service } = served.core;
    expect((await service['app.info']({})).receiverUrl).toBe(PUBLIC);
    expect((await service['inboxes.create']({ name: 'prod' })).url).toBe(`${PUBLIC}/webhook/prod`);
    expect((await service['inboxes.list']({})).items.find((i) => i.name === 'default')?.url).toBe(
      `${PUBLIC}/webhook`,
    );

    const { url } = await service['links.sign']({ userId: 42, command: 'hello', params: [] });
    expect(url.startsWith(`${PUBLIC}/ownlang/webhook/`)).toBe(true);
    expect((await service['links.verify']({ url })).valid).toBe(true);
    // This replica's own address is still one of its bases; another site is not.
    const local = await service['links.sign']({
      userId: 42,
      command: 'hello',
      params: [],
      baseUrl: served.core.receiverUrl,
    });
    expect((await service['links.verify']({ url: local.url })).valid).toBe(true);
    const elsewhere = url.replace(PUBLIC, 'https://evil.example');
    expect((await service['links.verify']({ url: elsewhere })).valid).toBe(false);
  });

  it('refuses forwarding an inbox to its own public URL (the proxy would hand it back)', async () => {
    const served = await start();
    await expect(
      served.core.service['inboxes.configure']({
        inbox: 'default',
        forwarding: { url: `${PUBLIC}/webhook/other`, mode: 'proxy' },
      }),
    ).rejects.toThrow(/would send every delivery back/);
  });

  it('answers to the public host and origin, and still refuses other hosts and sites', async () => {
    const served = await start();
    const publicHost = { Host: 'inspector.example.com' };
    expect((await httpRequest(`${served.bridge.url}/`, { headers: publicHost })).status).toBe(200);
    expect((await call(served, 'app.info', { ...publicHost, Origin: PUBLIC })).status).toBe(200);
    expect((await call(served, 'app.info', { ...publicHost, Origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await call(served, 'app.info', { Host: 'evil.example' })).status).toBe(403);
    expect((await call(served, 'app.info', { Host: 'inspector.example.com:8443' })).status).toBe(403);
    expect((await call(served, 'app.info', { ...publicHost, Authorization: 'Bearer nope' })).status).toBe(
      401,
    );
  });

  it('opens the events WebSocket through the public host and origin only', async () => {
    const served = await start();
    const upgrade = (options: ClientOptions) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(
          `${served.bridge.url.replace('http:', 'ws:')}/events?token=${served.token}`,
          options,
        );
        ws.once('open', () => {
          ws.terminate();
          resolve(101);
        });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', reject);
      });
    const publicHost = { headers: { Host: 'inspector.example.com' } };
    expect(await upgrade({ ...publicHost, origin: PUBLIC })).toBe(101);
    expect(await upgrade({ ...publicHost, origin: 'https://evil.example' })).toBe(401);
    expect(await upgrade({ headers: { Host: 'evil.example' }, origin: PUBLIC })).toBe(401);
  });

  it('listens where --ui-host says, and answers to that address too', async () => {
    const network = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .find((info) => info.family === 'IPv4' && !info.internal)?.address;
    // Without another interface, a second loopback address stands in for the network one.
    const host = network ?? '127.0.0.2';
    const served = await start({ uiHost: host });
    expect(served.bridge.url).toBe(`http://${host}:${served.bridge.port}`);
    expect((await call(served, 'app.info', {})).status).toBe(200);
    expect((await call(served, 'app.info', { Host: 'inspector.example.com' })).status).toBe(200);
    await expect(httpRequest(`http://127.0.0.1:${served.bridge.port}/`)).rejects.toThrow(/ECONNREFUSED/);

    // On every interface the printed address is loopback's, where it can be opened on this machine.
    const wildcard = await start({ uiHost: '0.0.0.0' });
    expect(wildcard.bridge.url).toBe(`http://127.0.0.1:${wildcard.bridge.port}`);
    expect((await call(wildcard, 'app.info', {})).status).toBe(200);
  });
});
