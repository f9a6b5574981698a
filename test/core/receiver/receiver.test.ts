import { Agent } from 'node:http';
import type { DeliveryDetail, DeliveryListItem, EventName, EventPayload } from '@contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import { ACCEPT, type Decide } from '../../../src-main/core/receiver/decide';
import { startReceiver } from '../../../src-main/core/receiver/server';
import { startTestCore, type TestCore } from '../../support/core';
import { abortMidBody, httpRequest, postJson, rawExchange } from '../../support/http';
import { SOLAFON_SEED_PAYLOAD, solafonUpdate } from '../../support/payloads';
import { useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

const LIMIT = 1024;

interface ReceiverError {
  ok: false;
  error: string;
  reason: string;
}

describe('receiver (startCore over HTTP)', () => {
  let tc: TestCore;
  let url: string;

  beforeEach(async () => {
    tc = await startTestCore({ maxBodyBytes: LIMIT });
    url = tc.core.receiverUrl;
  });
  afterEach(async () => {
    await tc.dispose();
  });

  const list = async (inbox?: string) =>
    tc.core.service['deliveries.list']({ limit: 1000, ...(inbox === undefined ? {} : { inbox }) });
  const get = async (id: number): Promise<DeliveryDetail> => tc.core.service['deliveries.get']({ id });
  const only = async (): Promise<DeliveryListItem> => {
    const { items, total } = await list();
    expect(total).toBe(1);
    expect(items).toHaveLength(1);
    return items[0] as DeliveryListItem;
  };

  it('accepts a Solafon delivery with 200 {"ok":true} and lists it with its summary', async () => {
    const body = JSON.stringify(SOLAFON_SEED_PAYLOAD);
    const res = await postJson(`${url}/webhook`, body);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(res.headers['content-type']).toMatch(/^application\/json/);

    const item = await only();
    expect(item).toMatchObject({
      inbox: 'default',
      method: 'POST',
      path: '/webhook',
      responseStatus: 200,
      updateId: 123,
      problem: null,
      duplicateOf: null,
      bodySize: Buffer.byteLength(body),
      summary: {
        platform: 'solafon',
        kind: 'message',
        updateId: 123,
        user: { id: 456, name: 'John', username: 'user@example.com', language: 'en' },
        chat: { id: 456, type: 'private' },
        text: '/start',
      },
    });
    const detail = await get(item.id);
    expect(detail.body).toEqual({ base64: Buffer.from(body).toString('base64'), text: body, omitted: false });
    expect(detail.response).toEqual({ status: 200, body: res.text });
    expect(detail.remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it('answers 200 to a duplicate and flags it, linked to the first copy', async () => {
    const first = await postJson(`${url}/webhook`, solafonUpdate(5));
    const second = await postJson(`${url}/webhook`, solafonUpdate(5));
    const third = await postJson(`${url}/webhook`, solafonUpdate(5));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    const { items } = await list();
    const [c, b, a] = items;
    expect(a).toMatchObject({ problem: null, duplicateOf: null });
    expect(b).toMatchObject({ problem: 'duplicate', duplicateOf: a?.id });
    expect(c).toMatchObject({ problem: 'duplicate', duplicateOf: a?.id });
  });

  it('answers malformed JSON with 400 and a reason, and stores the raw bytes', async () => {
    const raw = '{"update_id": 1, "text": "oops",';
    const res = await postJson(`${url}/webhook`, raw);
    expect(res.status).toBe(400);
    const answer = res.json<ReceiverError>();
    expect(answer).toMatchObject({ ok: false, error: 'malformed-json' });
    expect(answer.reason).toMatch(/JSON/);

    const item = await only();
    expect(item).toMatchObject({ problem: 'malformed-json', responseStatus: 400, bodySize: raw.length });
    const detail = await get(item.id);
    expect(detail.body.base64).toBe(Buffer.from(raw).toString('base64'));
    expect(detail.body.text).toBe(raw);
    expect(detail.response).toEqual({ status: 400, body: res.text });
  });

  it('stores a body that is not UTF-8 byte for byte and answers 400', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d]);
    const res = await httpRequest(`${url}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(res.json<ReceiverError>().error).toBe('malformed-json');

    const item = await only();
    const detail = await get(item.id);
    expect(Buffer.from(detail.body.base64, 'base64').equals(bytes)).toBe(true);
    expect(detail.body.text).toBeNull();
    expect(detail.bodySize).toBe(bytes.length);
  });

  it('answers an empty body with 400 and stores it', async () => {
    const res = await httpRequest(`${url}/webhook`, { method: 'POST', body: '' });
    expect(res.status).toBe(400);
    expect(res.json<ReceiverError>()).toMatchObject({ ok: false, error: 'malformed-json' });
    const item = await only();
    expect(item).toMatchObject({ problem: 'malformed-json', bodySize: 0, responseStatus: 400 });
  });

  it('answers 413 to a body over the limit (Content-Length) and keeps its headers and size, not its bytes', async () => {
    const big = JSON.stringify({ update_id: 1, text: 'x'.repeat(2000) });
    const res = await postJson(`${url}/webhook`, big, { 'X-Trace': 'big-one' });
    expect(res.status).toBe(413);
    const answer = res.json<ReceiverError>();
    expect(answer.error).toBe('too-large');
    expect(answer.reason).toContain(String(big.length));
    expect(answer.reason).toContain(String(LIMIT));

    const item = await only();
    expect(item).toMatchObject({ problem: 'too-large', responseStatus: 413, bodySize: big.length });
    const detail = await get(item.id);
    expect(detail.body).toEqual({ base64: '', text: '', omitted: true });
    expect(detail.headers).toContainEqual(['X-Trace', 'big-one']);
    expect(detail.headers).toContainEqual(['Content-Length', String(big.length)]);

    // The receiver is still fine afterwards.
    expect((await postJson(`${url}/webhook`, solafonUpdate(2))).status).toBe(200);
  });

  it('answers 413 to a chunked body over the limit, with its true size', async () => {
    const chunks = ['{"update_id":1,"text":"', 'a'.repeat(1500), 'b'.repeat(1500), '"}'];
    const size = chunks.reduce((n, c) => n + c.length, 0);
    const res = await httpRequest(`${url}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      chunks,
    });
    expect(res.status).toBe(413);
    expect(res.json<ReceiverError>().reason).toContain(`${size} bytes`);

    const item = await only();
    expect(item).toMatchObject({ problem: 'too-large', bodySize: size });
    const detail = await get(item.id);
    expect(detail.body.omitted).toBe(true);
    expect(detail.headers).toContainEqual(['Transfer-Encoding', 'chunked']);
  });

  it('accepts a chunked body under the limit', async () => {
    const chunks = ['{"update_id":9,', '"message_id":9,"from":{"id":1},', '"chat":{"id":1},"text":"hi"}'];
    const res = await httpRequest(`${url}/webhook`, { method: 'POST', chunks });
    expect(res.status).toBe(200);
    expect((await only()).summary).toMatchObject({ platform: 'solafon', updateId: 9, text: 'hi' });
  });

  it.each(['GET', 'PUT', 'DELETE'])(
    'answers %s /webhook with 405 and Allow: POST, storing nothing',
    async (method) => {
      const res = await httpRequest(`${url}/webhook`, {
        method,
        ...(method === 'PUT' ? { body: '{}' } : {}),
      });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.json<ReceiverError>()).toMatchObject({ ok: false, error: 'method-not-allowed' });
      expect((await list()).total).toBe(0);
    },
  );

  it('answers a POST to an unknown inbox with 404 unknown-inbox and stores it', async () => {
    const res = await postJson(`${url}/webhook/unknown`, solafonUpdate(8));
    expect(res.status).toBe(404);
    expect(res.json<ReceiverError>()).toMatchObject({ ok: false, error: 'unknown-inbox' });
    expect(res.json<ReceiverError>().reason).toContain('unknown');

    const item = await only();
    expect(item).toMatchObject({ inbox: 'unknown', problem: 'unknown-inbox', responseStatus: 404 });
    expect(await tc.core.service['inboxes.list']({})).toMatchObject({ items: [{ name: 'default' }] });
  });

  it('accepts deliveries to an inbox once it was created', async () => {
    await tc.core.service['inboxes.create']({ name: 'shop' });
    const res = await postJson(`${url}/webhook/shop`, solafonUpdate(11));
    expect(res.status).toBe(200);
    const item = await only();
    expect(item).toMatchObject({ inbox: 'shop', problem: null, path: '/webhook/shop' });
    expect((await list('shop')).total).toBe(1);
    expect((await list('default')).total).toBe(0);
    const inboxes = await tc.core.service['inboxes.list']({});
    expect(inboxes.items.find((i) => i.name === 'shop')?.deliveryCount).toBe(1);
  });

  it('does not count a delivery rejected before its inbox existed as the first copy', async () => {
    expect((await postJson(`${url}/webhook/shop`, solafonUpdate(12))).status).toBe(404);
    await tc.core.service['inboxes.create']({ name: 'shop' });
    // The platform retries the same update; now it is accepted, and it is the first accepted copy.
    expect((await postJson(`${url}/webhook/shop`, solafonUpdate(12))).status).toBe(200);
    const [accepted] = (await list('shop')).items;
    expect(accepted).toMatchObject({ responseStatus: 200, problem: null, duplicateOf: null });
  });

  it('answers 404 JSON elsewhere and 200 on GET /, storing nothing', async () => {
    const elsewhere = await postJson(`${url}/elsewhere`, solafonUpdate(1));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.json<ReceiverError>()).toMatchObject({ ok: false, error: 'not-found' });

    const about = await httpRequest(`${url}/`);
    expect(about.status).toBe(200);
    expect(about.json()).toMatchObject({ ok: true });
    expect((await list()).total).toBe(0);
  });

  it.each([
    ['a bad percent escape', '/webhook/%ZZ'],
    ['a 100-character name', `/webhook/${'a'.repeat(100)}`],
    ['a name with a space', '/webhook/a%20b'],
    ['a name with a dot', '/webhook/..'],
    ['a nested path', '/webhook/a/b'],
  ])('answers an invalid inbox name (%s) with 404 and stores nothing', async (_label, path) => {
    const res = await postJson(`${url}${path}`, solafonUpdate(1));
    expect(res.status).toBe(404);
    expect(res.json<ReceiverError>().ok).toBe(false);
    expect((await list()).total).toBe(0);
  });

  it('takes a 64-character inbox name as a name (unknown inbox, stored)', async () => {
    const name = 'b'.repeat(64);
    const res = await postJson(`${url}/webhook/${name}`, solafonUpdate(1));
    expect(res.status).toBe(404);
    expect(res.json<ReceiverError>().error).toBe('unknown-inbox');
    expect((await only()).inbox).toBe(name);
  });

  it('answers garbage on a raw socket with 400 and keeps serving', async () => {
    const reply = await rawExchange(tc.core.receiverPort, 'NOT HTTP\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect((await postJson(`${url}/webhook`, solafonUpdate(1))).status).toBe(200);
    expect((await list()).total).toBe(1);
  });

  it('answers a request with a broken header with 400 and keeps serving', async () => {
    const reply = await rawExchange(
      tc.core.receiverPort,
      'POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nThis is not a header\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect((await postJson(`${url}/webhook`, solafonUpdate(1))).status).toBe(200);
    expect((await list()).total).toBe(1);
  });

  it('stores nothing for a client that leaves mid-body, and keeps serving', async () => {
    await abortMidBody(
      tc.core.receiverPort,
      'POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n',
      '{"update_id": 77, "text": "cut he',
    );
    expect((await postJson(`${url}/webhook`, solafonUpdate(1))).status).toBe(200);
    expect((await postJson(`${url}/webhook`, solafonUpdate(2))).status).toBe(200);
    const { items, total } = await list();
    expect(total).toBe(2);
    expect(items.map((i) => i.updateId)).toEqual([2, 1]);
  });

  it('stores the raw header pairs in arrival order, duplicates kept, and the query string', async () => {
    const body = JSON.stringify(solafonUpdate(3));
    const reply = await rawExchange(
      tc.core.receiverPort,
      [
        'POST /webhook?secret=abc&x=1&x=2 HTTP/1.1',
        'Host: 127.0.0.1',
        'X-Zeta: last-letter',
        'x-alpha: first-letter',
        'X-Dup: one',
        'X-Dup: two',
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    const item = await only();
    expect(item.path).toBe('/webhook');
    const detail = await get(item.id);
    expect(detail.query).toBe('secret=abc&x=1&x=2');
    expect(detail.headers).toEqual([
      ['Host', '127.0.0.1'],
      ['X-Zeta', 'last-letter'],
      ['x-alpha', 'first-letter'],
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(body.length)],
      ['Connection', 'close'],
    ]);
  });

  it('group-commits 300 concurrent deliveries: all answered 200, all stored, fewer events than deliveries', async () => {
    // Platforms keep a pool of open connections (Telegram: max_connections, 40 by default). Open them
    // first: Node accepts one new connection per loop turn, so a burst of new connections from this
    // same process would arrive one per turn and could not share a commit.
    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    const events: Array<EventPayload<'delivery.added'>> = [];
    const unsubscribe = tc.core.subscribe((name: EventName, payload) => {
      if (name === 'delivery.added') events.push(payload as EventPayload<'delivery.added'>);
    });
    try {
      const warm = await Promise.all(Array.from({ length: 40 }, () => httpRequest(`${url}/`, { agent })));
      expect(warm.every((r) => r.status === 200)).toBe(true);

      const n = 300;
      const responses = await Promise.all(
        Array.from({ length: n }, (_, i) => postJson(`${url}/webhook`, solafonUpdate(1000 + i), {}, agent)),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);

      const { items, total } = await list();
      expect(total).toBe(n);
      expect(new Set(items.map((i) => i.id)).size).toBe(n);
      expect(new Set(items.map((i) => i.updateId)).size).toBe(n);
      expect(items.every((i) => i.problem === null)).toBe(true);

      const sum = () => events.reduce((s, e) => s + e.items.length, 0);
      await waitFor(() => sum() === n, { what: `${n} items in delivery.added events` });
      expect(events.length).toBeLessThan(n);
      expect(Math.max(...events.map((e) => e.items.length))).toBeGreaterThan(1);
      const eventIds = new Set(events.flatMap((e) => e.items.map((i) => i.id)));
      expect(eventIds).toEqual(new Set(items.map((i) => i.id)));
    } finally {
      unsubscribe();
      agent.destroy();
    }
  });
});

describe('receiver (startReceiver with a given store)', () => {
  const cleanup = useCleanup();

  const start = async (store: (d: NewDelivery) => Promise<DeliveryListItem>, decide?: Decide) => {
    const logs: string[] = [];
    const receiver = await startReceiver({
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: LIMIT,
      defaultInbox: 'default',
      hasInbox: (name) => name === 'default',
      store,
      log: (m) => logs.push(m),
      links: () => Promise.reject(new Error('no links in this test')),
      ...(decide ? { decide } : {}),
    });
    cleanup(() => receiver.close());
    return { receiver, logs };
  };

  it('answers 503 with a JSON reason when the store fails, and logs it', async () => {
    const { receiver, logs } = await start(async () => {
      throw new Error('disk I/O error');
    });
    const res = await postJson(`${receiver.url}/webhook`, solafonUpdate(1));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    const answer = res.json<ReceiverError>();
    expect(answer).toMatchObject({ ok: false, error: 'storage-unavailable' });
    expect(answer.reason.length).toBeGreaterThan(0);
    expect(logs.some((m) => m.includes('disk I/O error'))).toBe(true);
  });

  it('answers only after the store has resolved', async () => {
    let release: (() => void) | undefined;
    const stored: NewDelivery[] = [];
    const { receiver } = await start(
      (delivery) =>
        new Promise<DeliveryListItem>((resolve) => {
          stored.push(delivery);
          release = () => resolve({} as DeliveryListItem);
        }),
    );
    let answered = false;
    const pending = postJson(`${receiver.url}/webhook?a=1`, solafonUpdate(4)).then((r) => {
      answered = true;
      return r;
    });
    await waitFor(() => stored.length === 1, { what: 'the store to be called' });
    expect(answered).toBe(false);
    release?.();
    expect((await pending).status).toBe(200);
    expect(stored[0]).toMatchObject({
      inbox: 'default',
      method: 'POST',
      path: '/webhook',
      query: 'a=1',
      responseStatus: 200,
      problem: null,
      bodyOmitted: false,
    });
  });

  it('answers 200 for a committed delivery even when starting its forwarding fails', async () => {
    // A tap inbox whose forward cannot be started once the delivery is stored.
    const decide: Decide = () => ({
      ...ACCEPT,
      afterStore: () => {
        throw new Error('attempts table is locked');
      },
    });
    const { receiver, logs } = await start(async () => ({ id: 7 }) as DeliveryListItem, decide);
    const res = await postJson(`${receiver.url}/webhook`, solafonUpdate(1));
    // A 503 here would make the platform resend what is already stored: a duplicate.
    expect(res.status).toBe(200);
    expect(logs).toContain(
      'receiver: delivery #7 is stored, but its forwarding failed: attempts table is locked',
    );
  });
});
