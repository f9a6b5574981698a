import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxChatMessage } from '@contract';
import { Bot, InlineKeyboard, webhookCallback } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';
import { closedPortUrl } from './hook-server';

// Inline keyboards, button presses answered with a toast, edits both ways,
// several users in a group, the canned updates, and each bubble's delivery
// state — against a bot written with grammY, unmodified but for its API root.

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ sandboxDelivery: { timeoutMs: 2000, backoffMs: () => 20, maxAttempts: 3 } });
});
afterEach(async () => {
  await t.dispose();
});

const seen: string[] = [];

function keyboardBot(): Bot {
  const bot = new Bot(t.core.sandboxToken, { client: { apiRoot: t.core.sandboxUrl } });
  bot.command('menu', (ctx) =>
    ctx.reply('Pick one', {
      reply_markup: new InlineKeyboard()
        .text('Yes', 'pick:yes')
        .text('No', 'pick:no')
        .row()
        .url('Docs', 'https://example.com'),
    }),
  );
  bot.callbackQuery(/^pick:(.+)$/, async (ctx) => {
    seen.push(`callback ${ctx.callbackQuery.data} from ${ctx.from.id}`);
    await ctx.answerCallbackQuery({ text: `You picked ${ctx.match[1]}` });
    await ctx.editMessageText(`Picked ${ctx.match[1]}`);
  });
  bot.on('edited_message:text', (ctx) => {
    seen.push(`edited ${ctx.editedMessage.message_id}: ${ctx.editedMessage.text}`);
  });
  bot.on('message:new_chat_members', (ctx) => {
    seen.push(
      `joined ${ctx.message.new_chat_members.map((m) => m.first_name).join(',')} in ${ctx.chat.type}`,
    );
  });
  bot.on('message:photo', (ctx) => {
    seen.push(`photo with caption ${ctx.message.caption}`);
  });
  bot.on('message:text', (ctx) => {
    seen.push(`text ${ctx.message.text} from ${ctx.from.first_name} in ${ctx.chat.type}`);
  });
  return bot;
}

async function serve(bot: Bot): Promise<{ url: string; close: () => Promise<void> }> {
  await bot.init();
  const server: Server = createServer(webhookCallback(bot, 'http'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const svc = () => t.core.service;
const rows = async (chatId: number) =>
  (await svc()['sandbox.messages']({ chatId })).items as SandboxChatMessage[];

describe('a richer sandbox chat with a grammY bot', () => {
  it('shows inline keyboards, sends callback_query on a press, and shows the answer as a toast and the edit', async () => {
    seen.length = 0;
    const bot = keyboardBot();
    const hook = await serve(bot);
    try {
      await bot.api.setWebhook(hook.url);
      await svc()['sandbox.say']({ userId: 42, name: 'Ada', chatId: 42, text: '/menu' });
      const menu = await waitFor(async () => (await rows(42)).find((m) => m.sender === 'bot'));
      expect(menu.replyMarkup).toEqual({
        inline_keyboard: [
          [
            { text: 'Yes', callback_data: 'pick:yes' },
            { text: 'No', callback_data: 'pick:no' },
          ],
          [{ text: 'Docs', url: 'https://example.com' }],
        ],
      });

      await svc()['sandbox.press']({
        userId: 42,
        name: 'Ada',
        chatId: 42,
        messageId: menu.messageId,
        data: 'pick:no',
      });
      const after = await waitFor(async () => {
        const list = await rows(42);
        return (
          list.some((m) => m.kind === 'callback_answer') && list.some((m) => m.text === 'Picked no') && list
        );
      });
      expect(seen).toContain('callback pick:no from 42');
      expect(after.find((m) => m.kind === 'callback_answer')?.text).toBe('You picked no');
      const edited = after.find((m) => m.messageId === menu.messageId);
      expect(edited).toMatchObject({ text: 'Picked no', editedAt: expect.any(Number) });
      // Delivered once the bot's webhook answered (after its answer and edit).
      const press = await waitFor(async () =>
        (await rows(42)).find((m) => m.kind === 'callback' && m.delivery?.state === 'delivered'),
      );
      expect(press).toMatchObject({ text: 'No', sender: 'user' });

      // A press on a button the message does not have is refused.
      await expect(
        (async () =>
          svc()['sandbox.press']({
            userId: 42,
            chatId: 42,
            messageId: menu.messageId,
            data: 'pick:maybe',
          }))(),
      ).rejects.toMatchObject({ code: 'bad-input' });
    } finally {
      await hook.close();
    }
  });

  it('sends user edits as edited_message, several users in one group, and every canned update', async () => {
    seen.length = 0;
    const bot = keyboardBot();
    const hook = await serve(bot);
    try {
      await bot.api.setWebhook(hook.url);
      const first = await svc()['sandbox.say']({ userId: 1, name: 'Ann', chatId: -500, text: 'hi all' });
      await svc()['sandbox.say']({ userId: 2, name: 'Ben', chatId: -500, text: 'hello' });
      await svc()['sandbox.edit']({
        userId: 1,
        name: 'Ann',
        chatId: -500,
        messageId: first.messageId,
        text: 'hi everyone',
      });
      // Only one’s own messages can be edited.
      await expect(
        (async () =>
          svc()['sandbox.edit']({ userId: 2, chatId: -500, messageId: first.messageId, text: 'hijack' }))(),
      ).rejects.toMatchObject({ code: 'bad-input' });
      for (const kind of ['command', 'text', 'new_member', 'photo', 'edited'] as const)
        await svc()['sandbox.send']({ userId: 3, name: 'Cy', chatId: -500, kind });
      await waitFor(() => seen.length === 8 && seen, { what: 'every update handled', timeoutMs: 3000 }).catch(
        (error) => {
          throw new Error(`${error}: ${JSON.stringify(seen)} ${JSON.stringify(t.logs)}`);
        },
      );
      expect(seen).toEqual([
        'text hi all from Ann in group',
        'text hello from Ben in group',
        `edited ${first.messageId}: hi everyone`,
        'text /start from Cy in group',
        'text Hello, bot! from Cy in group',
        'joined Cy in group',
        'photo with caption A photo (placeholder)',
        expect.stringMatching(/^edited \d+: Hello, bot! \(edited\)$/),
      ]);
      const group = await rows(-500);
      expect(new Set(group.filter((m) => m.sender === 'user').map((m) => m.userName))).toEqual(
        new Set(['Ann', 'Ben', 'Cy']),
      );
      expect(group.find((m) => m.messageId === first.messageId)).toMatchObject({ text: 'hi everyone' });

      // A canned press needs a bot message to press on; the keyboard's first button is used.
      await svc()['sandbox.say']({ userId: 3, name: 'Cy', chatId: -500, text: '/menu' });
      await waitFor(async () => (await rows(-500)).some((m) => m.sender === 'bot'));
      await svc()['sandbox.send']({ userId: 3, name: 'Cy', chatId: -500, kind: 'callback' });
      await waitFor(() => seen.includes('callback pick:yes from 3'));
      // The bot's handler goes on to edit the message: wait for it before the sandbox stops.
      await waitFor(async () => (await rows(-500)).some((m) => m.text === 'Picked yes'));
    } finally {
      await hook.close();
    }
  });

  it('shows each bubble’s delivery state: retrying while the bot fails, then failed', async () => {
    const core = t.core.service;
    const bot = new Bot(t.core.sandboxToken, { client: { apiRoot: t.core.sandboxUrl } });
    await bot.api.setWebhook(await closedPortUrl());
    await core['sandbox.say']({ userId: 9, chatId: 9, text: 'anyone?' });
    const states: string[] = [];
    const failed = await waitFor(
      async () => {
        const row = (await rows(9))[0];
        if (row?.delivery && states.at(-1) !== row.delivery.state) states.push(row.delivery.state);
        return row?.delivery?.state === 'failed' && row;
      },
      { what: 'the update given up' },
    );
    expect(failed.delivery).toMatchObject({ failures: 3, lastError: 'Connection refused' });
    expect(states).toContain('failed');
    expect(states.filter((s) => s !== 'pending' && s !== 'retrying' && s !== 'failed')).toEqual([]);
  });
});
