import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractError, type InboxSettings } from '@contract';
import { dispatch } from '@contract/dispatch';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

/** An HTTP server that hands each request on to `target` and its answer back, as a tunnel to this machine does. */
async function startRelay(target: string) {
  let relayed = 0;
  const server: Server = createServer((req, res) => {
    relayed += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
          headers[name] = value;
      request(`${target}${req.url ?? '/'}`, { method: 'POST', headers, body: Buffer.concat(chunks) })
        .then(async (answer) => {
          res.writeHead(answer.statusCode, { 'content-type': 'application/json' });
          res.end(await answer.body.text());
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    relayed: () => relayed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A bot's endpoint that records what it gets. */
async function startBot() {
  const got: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ forwardRetryMs: [20, 20] });
});
afterEach(async () => {
  await t.dispose();
});

async function configure(input: unknown) {
  const result = await dispatch(t.core.service, 'inboxes.configure', input);
  if (!result.ok) throw new ContractError(result.error.error, result.error.message);
  return result.value as InboxSettings;
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await request(`${t.core.receiverUrl}/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.statusCode, text: await res.body.text() };
}

const total = async () => (await t.core.service['deliveries.list']({ limit: 1 })).total;
const attempts = async (deliveryId: number) =>
  (await t.core.service['replay.attempts']({ deliveryId })).items;

describe('forwarding loops', () => {
  const cleanup = useCleanup();

  it.each(['tap', 'proxy'] as const)(
    'refuses %s forwarding to the inspector’s own receiver, under any of its names',
    async (mode) => {
      const port = t.core.receiverPort;
      for (const url of [
        `${t.core.receiverUrl}/webhook`,
        `http://localhost:${port}/webhook/shop`,
        `http://LOCALHOST.:${port}/`,
        `http://[::1]:${port}/webhook`,
        `http://0.0.0.0:${port}/webhook`,
        `http://2130706433:${port}/webhook`,
        `http://[::ffff:127.0.0.1]:${port}/webhook`,
        `http://127.1.2.3:${port}/webhook`,
      ]) {
        const result = await dispatch(t.core.service, 'inboxes.configure', {
          inbox: 'default',
          forwarding: { url, mode },
        });
        expect(result.ok, url).toBe(false);
        if (!result.ok) {
          expect(result.error.error).toBe('bad-input');
          expect(result.error.message).toMatch(/own receiver/);
        }
      }
      expect((await t.core.service['inboxes.settings']({ inbox: 'default' })).forwarding).toBeNull();
      // The same host on another port is someone else.
      const other = `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}/hook`;
      expect((await configure({ inbox: 'default', forwarding: { url: other, mode } })).forwarding).toEqual({
        url: other,
        mode,
      });
    },
  );

  it('stops a tap loop through a tunnel to ourselves: one POST stays one delivery', async () => {
    const relay = await startRelay(t.core.receiverUrl);
    cleanup(() => relay.close());
    await configure({ inbox: 'default', forwarding: { url: `${relay.url}/webhook`, mode: 'tap' } });

    expect((await post('{"update_id": 1, "text": "once"}')).status).toBe(200);
    const [first] = (await t.core.service['deliveries.list']({ limit: 10 })).items;
    const id = first?.id ?? 0;
    // One try and two retries, each refused by our own receiver with 508.
    const tried = await waitFor(async () => {
      const items = await attempts(id);
      return items.length === 3 && items;
    });
    expect(tried.every((a) => a.status === 508)).toBe(true);
    expect(JSON.parse(tried[0]?.responseBody ?? '{}')).toMatchObject({ ok: false, error: 'forward-loop' });
    expect(relay.relayed()).toBe(3);
    expect(await total()).toBe(1);
  });

  it('stops a proxy loop through a tunnel to ourselves, answering the platform 508', async () => {
    const relay = await startRelay(t.core.receiverUrl);
    cleanup(() => relay.close());
    await configure({ inbox: 'default', forwarding: { url: `${relay.url}/webhook`, mode: 'proxy' } });

    const res = await post('{"update_id": 2, "text": "once"}');
    expect(res.status).toBe(508);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: 'forward-loop' });
    expect(relay.relayed()).toBe(1);
    expect(await total()).toBe(1);
  });

  it('keeps a delivery another inspector forwarded, and does not forward it again', async () => {
    const bot = await startBot();
    cleanup(() => bot.close());
    await configure({ inbox: 'default', forwarding: { url: bot.url, mode: 'tap' } });

    const forwarded = await post('{"update_id": 3}', { 'X-BWI-Forwarded': 'another-inspector' });
    expect(forwarded.status).toBe(200);
    expect((await post('{"update_id": 4}')).status).toBe(200);
    const [second, first] = (await t.core.service['deliveries.list']({ limit: 10 })).items;
    await waitFor(async () => (await attempts(second?.id ?? 0)).length === 1, { what: 'the second tap' });
    expect(await attempts(first?.id ?? 0)).toEqual([]);
    expect(bot.got.map((g) => g.body)).toEqual(['{"update_id": 4}']);
  });

  it('marks what it forwards with its hop header', async () => {
    const bot = await startBot();
    cleanup(() => bot.close());
    await configure({ inbox: 'default', forwarding: { url: bot.url, mode: 'proxy' } });
    expect((await post('{"update_id": 5}')).status).toBe(200);
    expect(bot.got[0]?.headers['x-bwi-forwarded']).toMatch(/^[0-9a-f]{16}$/);
  });
});
