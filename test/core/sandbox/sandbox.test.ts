import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpPools, solafonApi, telegramApi } from '../../../src-main/core/botapi';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';
import { closedPortUrl, startHookServer } from './hook-server';

let t: TestCore;
const http = new HttpPools();
const fast = { timeoutMs: 1000, backoffMs: () => 30 };

beforeEach(async () => {
  t = await startTestCore({ sandboxDelivery: fast });
});
afterEach(async () => {
  await t.dispose();
});

async function call(path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await request(`${t.core.sandboxUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.statusCode,
    json: (await res.body.json()) as Record<string, unknown> & { result?: unknown },
  };
}

const tg = (method: string, body: unknown = {}) => call(`/bot${t.core.sandboxToken}/${method}`, body);
const say = (userId: number, text: string, extra: Record<string, unknown> = {}) =>
  call('/sandbox/bots/default/messages', { user_id: userId, text, ...extra });
const info = async () => (await tg('getWebhookInfo')).json.result as Record<string, unknown>;

describe('sandbox platform', () => {
  it('on first run delivers a simulated user message to the inspector as a Solafon update', async () => {
    expect((await info()).url).toBe(`${t.core.receiverUrl}/webhook`);
    const sent = await say(42, '/start', { name: 'Ada', language: 'de' });
    expect(sent.status).toBe(200);
    const item = await waitFor(async () => (await t.core.service['deliveries.list']({ limit: 10 })).items[0]);
    expect(item.summary).toMatchObject({
      platform: 'solafon',
      text: '/start',
      user: { id: 42, name: 'Ada', language: 'de' },
      chat: { id: 42, type: 'private' },
    });
    await waitFor(async () => (await info()).pending_update_count === 0, { what: 'queue drained' });
  });

  it('answers an unknown token with 401 like the real platforms', async () => {
    const res = await call('/bot123:nope/getMe', {});
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ ok: false, error_code: 401, description: 'Unauthorized' });
    const solafon = await call('/api/v1/bot/getWebhookInfo', undefined, { authorization: 'Bearer nope' });
    expect(solafon.status).toBe(401);
    expect(solafon.json.ok).toBe(false);
  });

  it('delivers Telegram Updates with the secret header after a Telegram setWebhook', async () => {
    const hook = await startHookServer();
    try {
      expect((await tg('setWebhook', { url: hook.url, secret_token: 'my_secret-1' })).json).toMatchObject({
        ok: true,
      });
      const { json } = await say(7, '/start@sandbox_bot hello', { name: 'Bo', username: 'bo' });
      const updateId = (json.result as { update_id: number }).update_id;
      await waitFor(() => hook.received.length === 1, { what: 'delivery' });
      const [first] = hook.received;
      expect(first?.headers['x-telegram-bot-api-secret-token']).toBe('my_secret-1');
      expect(first?.body).toMatchObject({
        update_id: updateId,
        message: {
          from: { id: 7, is_bot: false, first_name: 'Bo', username: 'bo' },
          chat: { id: 7, type: 'private' },
          text: '/start@sandbox_bot hello',
          entities: [{ offset: 0, length: '/start@sandbox_bot'.length, type: 'bot_command' }],
        },
      });
    } finally {
      await hook.close();
    }
  });

  it('keeps update ids increasing by one', async () => {
    const a = await say(1, 'a');
    const b = await say(2, 'b');
    const ida = (a.json.result as { update_id: number }).update_id;
    expect((b.json.result as { update_id: number }).update_id).toBe(ida + 1);
  });

  it('grows pending_update_count at a closed port, logs failures, and drains in order when pointed back', async () => {
    const closed = await closedPortUrl();
    await tg('setWebhook', { url: closed });
    for (const text of ['one', 'two', 'three']) await say(42, text);
    await say(43, 'other chat');
    const failing = await waitFor(
      async () => {
        const i = await info();
        return typeof i.last_error_message === 'string' && i;
      },
      { what: 'a failed attempt' },
    );
    expect(failing.pending_update_count).toBe(4);
    expect(failing.last_error_message).toBe('Connection refused');
    expect(typeof failing.last_error_date).toBe('number');

    const bot = t.core.sandboxBot;
    const logs = await solafonApi(http, {
      baseUrl: `${t.core.sandboxUrl}/api/v1`,
      token: bot.token,
      appId: bot.appId,
      jwt: bot.jwt,
    }).getWebhookLogs();
    expect(logs.length).toBeGreaterThanOrEqual(2);
    expect(logs[0]).toMatchObject({ url: closed, status: null, error: 'Connection refused' });
    expect(typeof logs[0]?.responseTimeMs).toBe('number');

    const hook = await startHookServer();
    try {
      await tg('setWebhook', { url: hook.url });
      await waitFor(() => hook.received.length === 4, { what: 'queue drained' });
      const texts = hook.received
        .map((r) => r.body.message as { chat: { id: number }; text: string })
        .filter((m) => m.chat.id === 42)
        .map((m) => m.text);
      expect(texts).toEqual(['one', 'two', 'three']);
      expect((await info()).pending_update_count).toBe(0);
    } finally {
      await hook.close();
    }
  });

  it('lets a failing update hold back its own chat only, retrying it with backoff', async () => {
    let failuresLeft = 3;
    const hook = await startHookServer((update) => {
      const chat = (update.message as { chat: { id: number } }).chat.id;
      if (chat === 100 && failuresLeft > 0) {
        failuresLeft -= 1;
        return { status: 500 };
      }
      return { status: 200 };
    });
    try {
      await tg('setWebhook', { url: hook.url });
      await say(100, 'first');
      await say(100, 'second');
      await say(200, 'elsewhere');
      await waitFor(() => hook.received.filter((r) => r.headers).length >= 6, {
        what: 'retries and deliveries',
      });
      const order = hook.received.map((r) => (r.body.message as { text: string }).text);
      // chat 200 is not held back by chat 100's failures; "second" only after "first" succeeded.
      expect(order.indexOf('elsewhere')).toBeLessThan(order.lastIndexOf('first'));
      expect(order.filter((x) => x === 'first')).toHaveLength(4);
      expect(order.indexOf('second')).toBeGreaterThan(order.lastIndexOf('first'));
      const i = await info();
      expect(i.last_error_message).toBe('Wrong response from the webhook: 500');
    } finally {
      await hook.close();
    }
  });

  it('keeps the bot messages per chat, including a reply made in the webhook answer', async () => {
    const hook = await startHookServer((update) => ({
      status: 200,
      body: {
        method: 'sendMessage',
        chat_id: (update.message as { chat: { id: number } }).chat.id,
        text: 'echo',
      },
    }));
    try {
      await tg('setWebhook', { url: hook.url });
      await say(5, 'hi');
      const sent = await tg('sendMessage', { chat_id: 5, text: 'Welcome!' });
      expect(sent.json.result).toMatchObject({ chat: { id: 5 }, text: 'Welcome!', from: { is_bot: true } });
      const chat = await waitFor(async () => {
        const res = await call('/sandbox/bots/default/chats/5/messages');
        const msgs = res.json.result as Array<{ from: string; text: string }>;
        return msgs.length === 3 && msgs;
      });
      expect(chat.map((m) => `${m.from}:${m.text}`).sort()).toEqual(['bot:Welcome!', 'bot:echo', 'user:hi']);
    } finally {
      await hook.close();
    }
  });

  it('serves getUpdates without a webhook, confirms with offset, and refuses it while a webhook is set', async () => {
    expect((await tg('getUpdates', {})).status).toBe(409);
    await tg('deleteWebhook', {});
    await say(9, 'poll me');
    const first = await tg('getUpdates', { timeout: 1 });
    const updates = first.json.result as Array<{ update_id: number; message: { text: string } }>;
    expect(updates.map((u) => u.message.text)).toEqual(['poll me']);
    expect((await info()).pending_update_count).toBe(1);
    const next = await tg('getUpdates', { offset: (updates[0]?.update_id ?? 0) + 1, timeout: 0 });
    expect(next.json.result).toEqual([]);
    expect((await info()).pending_update_count).toBe(0);
  });

  it('wakes a long poll when a message arrives', async () => {
    await tg('deleteWebhook', {});
    const poll = tg('getUpdates', { timeout: 10 });
    await say(11, 'wake up');
    const res = await poll;
    expect((res.json.result as Array<{ message: { text: string } }>)[0]?.message.text).toBe('wake up');
  });

  it('works with the bot API client in both dialects', async () => {
    const bot = t.core.sandboxBot;
    const telegram = telegramApi(http, {
      baseUrl: t.core.sandboxUrl,
      token: bot.token,
      allowLoopbackHttp: true,
    });
    await telegram.setWebhook({ url: 'http://127.0.0.1:9/hook', secretToken: 'abc', maxConnections: 5 });
    expect(await telegram.getWebhookInfo()).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      maxConnections: 5,
    });
    await telegram.deleteWebhook({ dropPendingUpdates: true });
    expect((await telegram.getWebhookInfo()).url).toBe('');

    const solafon = solafonApi(http, {
      baseUrl: `${t.core.sandboxUrl}/api/v1`,
      token: bot.token,
      allowLoopbackHttp: true,
    });
    await solafon.setWebhook({ url: `${t.core.receiverUrl}/webhook` });
    expect((await solafon.getWebhookInfo()).url).toBe(`${t.core.receiverUrl}/webhook`);
    const sent = await solafon.sendMessage({ chatId: 42, text: 'from the client' });
    expect(sent.text).toBe('from the client');
    const error = await telegramApi(http, { baseUrl: t.core.sandboxUrl, token: '1:wrong' })
      .getWebhookInfo()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 401, description: 'Unauthorized' });
  });

  it('refuses bad input with the platform error shape', async () => {
    const res = await tg('sendMessage', { chat_id: 5, text: '' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ ok: false, error_code: 400 });
    const bad = await call('/sandbox/bots/default/messages', { text: 'no user' });
    expect(bad.status).toBe(400);
    const broken = await request(`${t.core.sandboxUrl}/bot${t.core.sandboxToken}/getMe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(broken.statusCode).toBe(400);
    await broken.body.dump();
  });
});
