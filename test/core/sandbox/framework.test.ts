import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, webhookCallback } from 'grammy';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';

// A bot written with a real Telegram framework (grammY), unmodified but for
// its API root, must work against the sandbox in both webhook and polling mode.

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ sandboxDelivery: { timeoutMs: 2000, backoffMs: () => 50 } });
});
afterEach(async () => {
  await t.dispose();
});

function echoBot(): Bot {
  const bot = new Bot(t.core.sandboxToken, { client: { apiRoot: t.core.sandboxUrl } });
  bot.command('start', (ctx) => ctx.reply(`Welcome, ${ctx.from?.first_name}!`));
  bot.on('message:text', (ctx) => ctx.reply(`You said: ${ctx.message.text}`));
  return bot;
}

const say = async (userId: number, text: string, name: string) => {
  const res = await request(`${t.core.sandboxUrl}/sandbox/bots/default/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId, text, name }),
  });
  expect(res.statusCode).toBe(200);
  await res.body.dump();
};

const chat = async (chatId: number): Promise<string[]> => {
  const res = await request(`${t.core.sandboxUrl}/sandbox/bots/default/chats/${chatId}/messages`);
  const body = (await res.body.json()) as { result: Array<{ from: string; text: string }> };
  return body.result.map((m) => `${m.from}: ${m.text}`);
};

describe('a grammY bot against the sandbox', () => {
  it('works in webhook mode, secret token checked by the framework', async () => {
    const bot = echoBot();
    await bot.init();
    const server: Server = createServer(webhookCallback(bot, 'http', { secretToken: 'grammy_secret' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await bot.api.setWebhook(url, { secret_token: 'grammy_secret' });
      expect((await bot.api.getWebhookInfo()).url).toBe(url);
      await say(31, '/start', 'Ada');
      await say(31, 'ping', 'Ada');
      const messages = await waitFor(async () => {
        const m = await chat(31);
        return m.length === 4 && m;
      });
      expect(messages).toEqual(['user: /start', 'bot: Welcome, Ada!', 'user: ping', 'bot: You said: ping']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('works in long-polling mode', async () => {
    const bot = echoBot();
    const started = new Promise<void>((resolve) => {
      void bot.start({ onStart: () => resolve(), timeout: 1 });
    });
    await started;
    try {
      await say(32, '/start', 'Bo');
      const messages = await waitFor(async () => {
        const m = await chat(32);
        return m.length === 2 && m;
      });
      expect(messages).toEqual(['user: /start', 'bot: Welcome, Bo!']);
    } finally {
      await bot.stop();
    }
  });
});
