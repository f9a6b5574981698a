import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ sandboxDelivery: { timeoutMs: 1000, backoffMs: () => 30 } });
});
afterEach(async () => {
  await t.dispose();
});

const svc = () => t.core.service;

async function open(
  url: string,
  init: { method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = {},
) {
  const res = await request(url, { method: init.method ?? 'GET', body: init.body, headers: init.headers });
  const text = await res.body.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not every answer is JSON (html, text, redirects).
  }
  return { status: res.statusCode, headers: res.headers, text, json: json as Record<string, unknown> };
}

async function seenUser(userId: number, name: string) {
  await svc()['sandbox.say']({ userId, name, text: '/start' });
  await waitFor(async () =>
    (await svc()['deliveries.list']({ limit: 5 })).items.some((i) => i.summary.user?.id === userId),
  );
}

const sign = (input: Partial<Parameters<ReturnType<typeof svc>['links.sign']>[0]> = {}) =>
  svc()['links.sign']({ command: 'hello', userId: 42, params: [], ...input });

const latest = async () => {
  const item = (await svc()['deliveries.list']({ limit: 1 })).items[0];
  if (!item) throw new Error('nothing stored');
  return svc()['deliveries.get']({ id: item.id });
};

describe('signed-link route', () => {
  it('runs the command for a user seen in a delivery; its reply shows in the sandbox chat; the invocation is listed', async () => {
    await seenUser(42, 'Ada');
    const { url } = await sign({ options: '{"level":10}', params: [['ref', 'profile']] });
    expect(url.startsWith(`${t.core.receiverUrl}/ownlang/webhook/`)).toBe(true);
    const res = await open(url);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, user: 42, options: { level: 10 }, params: { ref: 'profile' } });
    const chat = (await svc()['sandbox.messages']({ chatId: 42 })).items.map((m) => `${m.sender}:${m.text}`);
    expect(chat).toContain('bot:Hello, Ada! You opened a signed link.');
    const detail = await latest();
    expect(detail.summary).toMatchObject({
      platform: 'signed-link',
      kind: 'invocation',
      text: 'hello',
      user: { id: 42, name: 'Ada' },
    });
    expect(detail.problem).toBeNull();
    expect(detail.invocation).toMatchObject({
      command: 'hello',
      userId: '42',
      outcome: 'ok',
      params: [['ref', 'profile']],
    });
    expect(detail.invocation?.sent[0]).toMatchObject({ chatId: 42, ok: true });
  });

  it('gives an unknown user { id } and a private chat with the same id', async () => {
    await svc()['commands.save']({ name: 'who', body: 'res.json({ user, chat });' });
    const res = await open((await sign({ command: 'who', userId: 999 })).url);
    expect(res.json).toEqual({ user: { id: 999 }, chat: { id: 999, type: 'private' } });
  });

  it('answers 403 with the failed check for a tampered link, and records it', async () => {
    const { url } = await sign();
    const res = await open(url.replace('user=42', 'user=43'));
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ ok: false, error: 'invalid-link', check: 'bad-signature' });
    const detail = await latest();
    expect(detail.problem).toBe('invalid-link');
    expect(detail.invocation).toMatchObject({ outcome: 'rejected', check: 'bad-signature' });
  });

  it('answers 403 for an expired link', async () => {
    const { url, expiresAt } = await sign({ expiresIn: 1 });
    const until = Date.parse(expiresAt ?? '');
    await waitFor(() => Date.now() >= until, { timeoutMs: 3000, what: 'the link to expire' });
    const res = await open(url);
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ check: 'expired' });
    expect((await latest()).problem).toBe('expired-link');
  });

  it('answers 404 for an unknown command, 500 for a failing one, and keeps serving', async () => {
    expect((await open((await sign({ command: 'nope' })).url)).status).toBe(404);
    await svc()['commands.save']({ name: 'boom', body: 'throw new Error("kaput")' });
    const boom = await open((await sign({ command: 'boom' })).url);
    expect(boom.status).toBe(500);
    expect(boom.json).toMatchObject({ error: 'command-error', reason: 'Error: kaput' });
    await svc()['commands.save']({ name: 'spin', body: 'for (;;) {}' });
    const spin = await open((await sign({ command: 'spin' })).url);
    expect(spin.status).toBe(500);
    expect(String(spin.json.reason)).toMatch(/Timeout/);
    expect((await latest()).problem).toBe('command-error');
    expect((await open((await sign()).url)).status).toBe(200);
  });

  it('answers 200 {"status":"success"} with no res call, or the signed redirect as 302', async () => {
    await svc()['commands.save']({ name: 'quiet', body: 'console.log("did it")' });
    const plain = await open((await sign({ command: 'quiet' })).url);
    expect(plain).toMatchObject({ status: 200, json: { status: 'success' } });
    const redirected = await open(
      (await sign({ command: 'quiet', redirect: 'https://example.com/done' })).url,
    );
    expect(redirected.status).toBe(302);
    expect(redirected.headers.location).toBe('https://example.com/done');
    expect((await latest()).invocation?.logs).toEqual(['did it']);
  });

  it('lets res chain status, set, text/html/redirect, and refuses a non-https redirect with 400', async () => {
    await svc()['commands.save']({
      name: 'page',
      body: 'res.status(201).set("X-Bot", "yes").html("<b>hi</b>")',
    });
    const page = await open((await sign({ command: 'page' })).url);
    expect(page.status).toBe(201);
    expect(page.headers['x-bot']).toBe('yes');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toBe('<b>hi</b>');
    await svc()['commands.save']({ name: 'go', body: 'res.redirect("http://insecure.example")' });
    const go = await open((await sign({ command: 'go' })).url);
    expect(go.status).toBe(400);
    expect(go.json).toMatchObject({ error: 'Invalid redirect' });
  });

  it('gives the command the request: method, query, headers, body, ip', async () => {
    await svc()['commands.save']({ name: 'echo', body: 'res.json(request)' });
    const { url } = await sign({ command: 'echo', params: [['a', '1']] });
    const res = await open(url, {
      method: 'POST',
      body: '{"x":1}',
      headers: { 'content-type': 'application/json', 'x-from': 'test' },
    });
    expect(res.json).toMatchObject({
      method: 'POST',
      query: { command: 'echo', a: '1' },
      body: { x: 1 },
      ip: '127.0.0.1',
    });
    expect((res.json.headers as Record<string, string>)['x-from']).toBe('test');
    expect((await open(url, { method: 'POST', body: 'x' })).status).toBe(200);
  });

  it('verifies pasted links, and keeps old links valid across a key rotation until the key is retired', async () => {
    const { url, kid } = await sign();
    expect(await svc()['links.verify']({ url })).toMatchObject({
      valid: true,
      fields: { command: 'hello', user: '42', kid },
    });
    expect(await svc()['links.verify']({ url: url.replace('hello', 'hellp') })).toMatchObject({
      valid: false,
      check: 'bad-signature',
    });
    const profileId = (await svc()['profiles.list']({})).items.find((p) => p.sandbox)?.id ?? 0;
    const rotated = await svc()['links.rotateKey']({ profileId });
    expect(rotated.kid).not.toBe(kid);
    expect((await sign()).kid).toBe(rotated.kid);
    expect((await svc()['links.verify']({ url })).valid).toBe(true);
    await svc()['links.retireKey']({ profileId, kid });
    expect(await svc()['links.verify']({ url })).toMatchObject({ valid: false, check: 'unknown-key' });
    expect((await open(url)).status).toBe(403);
  });

  it('refuses reserved params and bad options when signing', async () => {
    await expect(async () => sign({ params: [['user', '7']] })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(async () => sign({ options: '{nope' })).rejects.toMatchObject({ code: 'bad-input' });
    await expect(async () => sign({ redirect: 'http://x.example' })).rejects.toMatchObject({
      code: 'bad-input',
    });
  });
});
