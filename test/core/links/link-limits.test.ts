import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreOptions } from '../../../src-main/core';
import { startTestCore, type TestCore } from '../../support/core';
import { postJson } from '../../support/http';
import { solafonUpdate } from '../../support/payloads';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

async function start(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  t = await startTestCore(options);
  return t;
}

const svc = () => {
  if (!t) throw new Error('no core');
  return t.core.service;
};

async function linkFor(name: string, body: string): Promise<string> {
  await svc()['commands.save']({ name, body });
  return (await svc()['links.sign']({ command: name, userId: 42, params: [] })).url;
}

async function open(
  url: string,
  init: { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = {},
) {
  const res = await request(url, { method: init.method ?? 'GET', body: init.body, headers: init.headers });
  const text = await res.body.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not every answer is JSON.
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

const latest = async () => {
  const item = (await svc()['deliveries.list']({ limit: 1 })).items[0];
  if (!item) throw new Error('nothing stored');
  return svc()['deliveries.get']({ id: item.id });
};

let updateId = 1000;
async function timedDelivery(): Promise<number> {
  if (!t) throw new Error('no core');
  const started = Date.now();
  const res = await postJson(`${t.core.receiverUrl}/webhook`, solafonUpdate(++updateId));
  expect(res.status).toBe(200);
  return Date.now() - started;
}

describe('signed links: commands keep their limits off the main thread', () => {
  it('answers ordinary deliveries within 1 s while eight runaway hits are being run', async () => {
    await start({ commands: { limits: { cpuMs: 500, memoryBytes: 32 * 1024 * 1024 } } });
    const url = await linkFor('spin', 'while (true) {}');
    let pending = 8;
    const hits = Array.from({ length: 8 }, () =>
      open(url).finally(() => {
        pending -= 1;
      }),
    );
    const waits: number[] = [];
    // Deliveries one after another for as long as the runaway hits last.
    while (pending > 0) waits.push(await timedDelivery());
    for (const wait of waits) expect(wait).toBeLessThan(1000);
    const statuses = (await Promise.all(hits)).map((hit) => hit.status);
    for (const status of statuses) expect([429, 500]).toContain(status);
    expect(statuses).toContain(500);
  }, 30_000);

  it('stops a memory bomb within 2 s, keeps what it logged, and keeps serving', async () => {
    await start();
    const url = await linkFor(
      'bomb',
      `console.log('growing for', user.id); const a = []; while (true) a.push('x'.repeat(1e6) + a.length);`,
    );
    const started = Date.now();
    const res = await open(url);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ error: 'command-error', reason: /^Memory limit/ });
    const detail = await latest();
    expect(detail.problem).toBe('command-error');
    expect(detail.invocation?.logs[0]).toBe('growing for 42');
    expect((await open(await linkFor('fine', `res.text('ok')`))).text).toBe('ok');
  });

  it('keeps the logs of a command stopped by its time limit', async () => {
    await start({ commands: { limits: { cpuMs: 300, memoryBytes: 32 * 1024 * 1024 } } });
    const res = await open(await linkFor('slow', `console.log('started for', user.id); for (;;) {}`));
    expect(res.status).toBe(500);
    expect((await latest()).invocation).toMatchObject({
      outcome: 'error',
      reason: /^Timeout/,
      logs: ['started for 42'],
    });
  });

  it('answers 429 with Retry-After when every worker is busy and the queue is full, and records the hit', async () => {
    await start({
      commands: { workers: 1, queue: 1, limits: { cpuMs: 500, memoryBytes: 32 * 1024 * 1024 } },
    });
    const url = await linkFor('spin', 'for (;;) {}');
    const results = await Promise.all(Array.from({ length: 4 }, () => open(url)));
    const busy = results.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.json).toMatchObject({ ok: false, error: 'busy', reason: /busy/ });
    }
    const listed = (await svc()['deliveries.list']({ problem: 'command-error', limit: 10 })).items;
    expect(listed).toHaveLength(4);
    expect(listed.filter((item) => item.responseStatus === 429)).toHaveLength(busy.length);
  });
});

describe('signed links: what is stored is what was sent', () => {
  it('records a body nested too deep to parse as a command-error, instead of an unrecorded 500', async () => {
    await start();
    const url = await linkFor('echo', 'res.json(request.body)');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const res = await open(url, {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, error: 'command-error', reason: /nests deeper/ });
    const detail = await latest();
    expect(detail).toMatchObject({ problem: 'command-error', responseStatus: 400 });
    expect(detail.invocation).toMatchObject({ command: 'echo', outcome: 'error' });
    const shallow = await open(url, {
      method: 'POST',
      body: '[[1]]',
      headers: { 'content-type': 'application/json' },
    });
    expect(shallow.json).toEqual([[1]]);
  });

  it.each([
    ['CR LF', 'a\\r\\nInjected: yes'],
    ['NUL', 'a\\u0000b'],
    ['U+2028', 'a\\u2028b'],
    ['DEL', 'a\\u007fb'],
  ])(
    'refuses a header value with %s before answering, and stores the answer it sent',
    async (_name, value) => {
      await start();
      const res = await open(await linkFor('hdr', `res.set('X-Bad', '${value}').text('hi')`));
      expect(res.status).toBe(500);
      expect(res.headers['x-bad']).toBeUndefined();
      expect(res.json).toMatchObject({ error: 'command-error', reason: /X-Bad/ });
      const detail = await latest();
      expect(detail).toMatchObject({ problem: 'command-error', responseStatus: 500 });
      expect(detail.response.body).toBe(res.text);
    },
  );

  it('lets a command replace the Content-Type in any case, sending one', async () => {
    await start();
    const res = await open(await linkFor('csv', `res.set('content-type', 'text/csv').text('a,b')`));
    expect(res.headers['content-type']).toBe('text/csv');
    expect(res.text).toBe('a,b');
  });

  it('holds a Location set by hand to the https-only rule of res.redirect', async () => {
    await start();
    const bad = await open(
      await linkFor('sneak', `res.status(302).set('location', 'http://evil.example/').send('')`),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.location).toBeUndefined();
    expect(bad.json).toMatchObject({ error: 'Invalid redirect', url: 'http://evil.example/' });
    const good = await open(
      await linkFor('hop', `res.status(303).set('Location', 'https://ok.example/').send('')`),
    );
    expect(good.status).toBe(303);
    expect(good.headers.location).toBe('https://ok.example/');
    // res.redirect's own URL wins over one set by hand.
    const both = await open(
      await linkFor('both', `res.set('location', 'https://a.example/').redirect('https://b.example/')`),
    );
    expect(both.headers.location).toBe('https://b.example/');
  });

  it('sends a long answer whole and stores its first 64 KiB, flagged as truncated', async () => {
    await start();
    const res = await open(await linkFor('long', `res.text('é'.repeat(40000) + 'end')`));
    expect(res.text).toHaveLength(40003);
    const detail = await latest();
    expect(Buffer.byteLength(detail.response.body)).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(detail.response.body)).toBeGreaterThan(64 * 1024 - 4);
    expect(res.text.startsWith(detail.response.body)).toBe(true);
    expect(detail.invocation?.responseTruncated).toBe(true);
    await open(await linkFor('short', `res.text('short')`));
    expect((await latest()).invocation?.responseTruncated).toBe(false);
  });
});
