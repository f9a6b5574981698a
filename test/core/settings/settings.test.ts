import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractError } from '@contract';
import { dispatch } from '@contract/dispatch';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpPools, solafonApi } from '../../../src-main/core/botapi';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';
import { closedPortUrl } from '../sandbox/hook-server';

async function bot(answer: () => { status: number; body: string }) {
  const got: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      got.push(body);
      const a = answer();
      res.writeHead(a.status, { 'content-type': 'text/plain' });
      res.end(a.body);
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
  t = await startTestCore({
    forwardRetryMs: [20, 20],
    sandboxDelivery: { timeoutMs: 2000, backoffMs: () => 30 },
  });
});
afterEach(async () => {
  await t.dispose();
});

async function configure(input: unknown) {
  const result = await dispatch(t.core.service, 'inboxes.configure', input);
  if (!result.ok) throw new ContractError(result.error.error, result.error.message);
  return result.value;
}

async function post(body = '{"update_id": 1, "text": "x"}') {
  const started = Date.now();
  const res = await request(`${t.core.receiverUrl}/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.statusCode, text: await res.body.text(), ms: Date.now() - started };
}

const latestId = async () => (await t.core.service['deliveries.list']({ limit: 1 })).items[0]?.id ?? 0;

describe('forwarding', () => {
  it('proxy mode hands the bot status and body back to the platform, and stores the attempt', async () => {
    const target = await bot(() => ({ status: 503, body: 'bot is busy' }));
    try {
      await configure({ inbox: 'default', forwarding: { url: target.url, mode: 'proxy' } });
      const res = await post();
      expect(res).toMatchObject({ status: 503, text: 'bot is busy' });
      expect(target.got).toEqual(['{"update_id": 1, "text": "x"}']);
      const id = await latestId();
      expect((await t.core.service['deliveries.get']({ id })).responseStatus).toBe(503);
      const attempts = await waitFor(async () => {
        const items = (await t.core.service['replay.attempts']({ deliveryId: id })).items;
        return items.length === 1 && items;
      });
      expect(attempts[0]).toMatchObject({ jobId: 'forward-proxy', status: 503, responseBody: 'bot is busy' });
    } finally {
      await target.close();
    }
  });

  it('proxy mode answers 502 when the target is down, so the platform retries', async () => {
    await configure({ inbox: 'default', forwarding: { url: await closedPortUrl(), mode: 'proxy' } });
    const res = await post();
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: 'forward-failed' });
  });

  it('tap mode answers at once and forwards in the background, retrying a failure', async () => {
    let calls = 0;
    const target = await bot(() => {
      calls += 1;
      return calls === 1 ? { status: 500, body: 'oops' } : { status: 200, body: 'ok' };
    });
    try {
      await configure({ inbox: 'default', forwarding: { url: target.url, mode: 'tap' } });
      expect((await post()).status).toBe(200);
      await waitFor(() => target.got.length === 2, { what: 'a retry' });
      const id = await latestId();
      const attempts = await waitFor(async () => {
        const items = (await t.core.service['replay.attempts']({ deliveryId: id })).items;
        return items.length === 2 && items;
      });
      expect(attempts.map((a) => a.status).sort()).toEqual([200, 500]);
    } finally {
      await target.close();
    }
  });
});

describe('response rules', () => {
  it('answer with the configured status, body and delay for the first N deliveries', async () => {
    await configure({
      inbox: 'default',
      rule: { status: 500, body: '{"error":"chaos"}', delayMs: 150, firstN: 2 },
    });
    const first = await post();
    expect(first).toMatchObject({ status: 500, text: '{"error":"chaos"}' });
    expect(first.ms).toBeGreaterThanOrEqual(140);
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200);
    expect((await t.core.service['inboxes.settings']({ inbox: 'default' })).ruleHits).toBe(2);
    // Every delivery is still stored, with what we answered.
    const statuses = (await t.core.service['deliveries.list']({ limit: 3 })).items.map(
      (i) => i.responseStatus,
    );
    expect(statuses).toEqual([200, 500, 500]);
  });

  it('apply at the configured rate', async () => {
    await configure({ inbox: 'default', rule: { status: 429, rate: 0 } });
    expect((await post()).status).toBe(200);
    await configure({ inbox: 'default', rule: { status: 429, rate: 1 } });
    expect((await post()).status).toBe(429);
    await configure({ inbox: 'default', rule: null });
    expect((await post()).status).toBe(200);
  });

  it('make the sandbox platform retry, as its logs show', async () => {
    await configure({ inbox: 'default', rule: { status: 500, firstN: 1 } });
    await t.core.service['sandbox.say']({ userId: 42, text: 'retry me' });
    const bot = t.core.sandboxBot;
    const api = solafonApi(new HttpPools(), {
      baseUrl: `${t.core.sandboxUrl}/api/v1`,
      token: bot.token,
      appId: bot.appId,
      jwt: bot.jwt,
    });
    const logs = await waitFor(async () => {
      const items = await api.getWebhookLogs();
      return items.length >= 2 && items;
    });
    expect(logs.map((l) => l.status).reverse()).toEqual([500, 200]);
    const stored = (await t.core.service['deliveries.list']({ query: 'retry', limit: 5 })).items;
    // The retry is not a duplicate: the first copy was refused, so only the retry was accepted.
    expect(stored.map((i) => [i.responseStatus, i.problem, i.updateId === stored[0]?.updateId])).toEqual([
      [200, null, true],
      [500, null, true],
    ]);
  });

  it('refuses settings for an unknown inbox, and bad rules', async () => {
    await expect(configure({ inbox: 'nope', rule: { status: 500 } })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(configure({ inbox: 'default', rule: { status: 99 } })).rejects.toMatchObject({
      code: 'bad-input',
    });
    await expect(
      configure({ inbox: 'default', forwarding: { url: 'ftp://x', mode: 'tap' } }),
    ).rejects.toMatchObject({ code: 'bad-input' });
  });
});

describe('retention', () => {
  it('keeps at most N deliveries per inbox, search included, and unlinks pruned first copies', async () => {
    for (let i = 0; i < 8; i++)
      await post(JSON.stringify({ update_id: i % 2 === 0 ? 100 : 200 + i, text: `keep ${i}` }));
    await configure({ inbox: 'default', retention: { keepCount: 3 } });
    const left = (await t.core.service['deliveries.list']({ limit: 100 })).items;
    expect(left.map((i) => i.summary.text ?? JSON.parse('null'))).toHaveLength(3);
    // Words are searched through an index the writer thread fills behind the commits: wait until it has them all.
    const searched = await waitFor(
      async () => {
        const page = await t.core.service['deliveries.list']({ query: 'keep', limit: 100 });
        return page.unsearched === undefined ? page : undefined;
      },
      { what: 'the search index to catch up' },
    );
    expect(searched.items).toHaveLength(3);
    expect((await t.core.service['deliveries.list']({ limit: 1 })).total).toBe(3);
    for (const item of left)
      expect(item.duplicateOf === null || left.some((l) => l.id === item.duplicateOf)).toBe(true);
    const storage = await t.core.service['app.storage']({});
    expect(storage.deliveries).toBe(3);
    expect(storage.databaseBytes).toBeGreaterThan(0);
    // Eight fsynced posts and the index's catch-up passed 5 s on a loaded 2-core machine.
  }, 30_000);
});
