import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { httpRequest, rawExchange } from '../../support/http';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const sandboxPort = (tc: TestCore) => Number(new URL(tc.core.sandboxUrl).port);

/** Resolves with the connect error's code, or 'connected'. */
function tryConnect(port: number, host: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

const say = (tc: TestCore, contentType: string, body: string) =>
  httpRequest(`${tc.core.sandboxUrl}/sandbox/bots/default/messages`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  });

const chat = async (tc: TestCore, id: number) =>
  (await httpRequest(`${tc.core.sandboxUrl}/sandbox/bots/default/chats/${id}/messages`)).json<{
    result: unknown[];
  }>().result;

describe('sandbox access', () => {
  it('listens on 127.0.0.1 only, even when the receiver listens on every address', async () => {
    t = await startTestCore({ receiverHost: '0.0.0.0' });
    expect(new URL(t.core.sandboxUrl).hostname).toBe('127.0.0.1');
    // 127.0.0.2 is this machine too, but not the address the sandbox is bound to.
    expect(await tryConnect(sandboxPort(t), '127.0.0.2')).toBe('ECONNREFUSED');
    expect(await tryConnect(t.core.receiverPort, '127.0.0.2')).toBe('connected');
  });

  it('refuses a request whose Host is not this loopback server (DNS rebinding), in the platform shape', async () => {
    t = await startTestCore();
    const port = sandboxPort(t);
    const rebound = await httpRequest(`${t.core.sandboxUrl}/bot${t.core.sandboxToken}/getMe`, {
      headers: { Host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.json()).toMatchObject({ ok: false, error_code: 403 });
    const control = await httpRequest(`${t.core.sandboxUrl}/sandbox/bots/default/messages`, {
      method: 'POST',
      headers: { Host: `evil.example:${port}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_id: 5, text: 'hi' }),
    });
    expect(control.status).toBe(403);
    expect(await chat(t, 5)).toEqual([]);

    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const res = await httpRequest(`${t.core.sandboxUrl}/bot${t.core.sandboxToken}/getMe`, {
        headers: { Host: host },
      });
      expect(res.status).toBe(200);
    }
  });

  it.each([
    ['text/plain', '{"user_id": 6, "text": "hi"}'],
    ['text/plain; x=application/json', '{"user_id": 6, "text": "hi"}'],
    ['application/x-www-form-urlencoded', 'user_id=6&text=hi'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('refuses a control POST sent as %s (what a cross-site form can send) with 415', async (type, body) => {
    t = await startTestCore();
    const res = await say(t, type, body);
    expect(res.status).toBe(415);
    expect(res.json()).toMatchObject({ ok: false, error_code: 415 });
    expect(res.json<{ description: string }>().description).toMatch(/application\/json/);
    expect(await chat(t, 6)).toEqual([]);
  });

  it('takes a control POST sent as JSON, charset or not', async () => {
    t = await startTestCore();
    expect((await say(t, 'application/json', '{"user_id": 7, "text": "a"}')).status).toBe(200);
    expect((await say(t, 'Application/JSON; charset=utf-8', '{"user_id": 7, "text": "b"}')).status).toBe(200);
    expect(await chat(t, 7)).toHaveLength(2);
  });

  it('keeps taking urlencoded and query parameters on the bot API routes, as frameworks send them', async () => {
    t = await startTestCore();
    const base = `${t.core.sandboxUrl}/bot${t.core.sandboxToken}`;
    await say(t, 'application/json', '{"user_id": 8, "text": "hi"}');
    const form = await httpRequest(`${base}/sendMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'chat_id=8&text=from+a+form',
    });
    expect(form.status).toBe(200);
    const query = await httpRequest(`${base}/sendMessage?chat_id=8&text=from+the+query`, { method: 'POST' });
    expect(query.status).toBe(200);
    const texts = ((await chat(t, 8)) as Array<{ text: string }>).map((m) => m.text);
    expect(texts).toEqual(['hi', 'from a form', 'from the query']);
  });

  it('answers malformed HTTP and a malformed request target with 400 and a JSON reason', async () => {
    t = await startTestCore();
    const garbage = await rawExchange(sandboxPort(t), 'NOT HTTP\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({
      ok: false,
      error_code: 400,
    });
    const port = sandboxPort(t);
    const target = await rawExchange(
      port,
      `GET http://[::1/sandbox/bots HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(target).toMatch(/^HTTP\/1\.1 400 /);
    expect((await httpRequest(`${t.core.sandboxUrl}/sandbox/bots`)).status).toBe(200);
  });
});
