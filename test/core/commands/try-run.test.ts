import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../support/core';
import { postJson } from '../../support/http';
import { solafonUpdate } from '../../support/payloads';
import { waitFor } from '../../support/wait';

// "Run with a sample user": commands.tryRun through the running core, on the
// same command workers and limits as a signed-link hit.

describe('commands.tryRun', () => {
  it('runs a body for a user as last seen in a delivery, and answers with the response, logs and queued messages', async (ctx) => {
    const test = await startTestCore({ commands: { workers: 1 } });
    ctx.onTestFinished(() => test.dispose());
    const { service } = test.core;
    expect((await postJson(`${test.core.receiverUrl}/webhook`, solafonUpdate(1, 'hi'))).status).toBe(200);
    const [seen] =
      (await waitFor(async () => {
        const page = await service['deliveries.list']({ limit: 10 });
        return page.items.length > 0 && page.items;
      })) ?? [];
    const userId = String(seen?.summary.user?.id);

    const result = await service['commands.tryRun']({
      body: `console.log('for', user.id, options.level, params.tab);
        Api.sendMessage({ text: 'hello ' + (user.first_name || user.name) });
        res.status(201).json({ chat: chat.id });`,
      userId,
      options: '{"level":3}',
      params: [['tab', 'scores']],
    });
    expect(result).toMatchObject({
      ok: true,
      reason: null,
      response: { status: 201, body: JSON.stringify({ chat: seen?.summary.chat?.id }) },
      logs: [`for ${userId} 3 scores`],
      messages: [
        { chatId: seen?.summary.chat?.id, text: `hello ${seen?.summary.user?.name}`, problem: null },
      ],
    });
    expect(result.response?.headers).toContainEqual(['Content-Type', 'application/json; charset=utf-8']);
    // Nothing was stored: a try is not a delivery.
    expect((await service['deliveries.list']({ limit: 10 })).total).toBe(1);
  });

  it('answers an unknown user as `{ id }` in a private chat, and a body that sets nothing with the default answer', async (ctx) => {
    const test = await startTestCore({ commands: { workers: 1 } });
    ctx.onTestFinished(() => test.dispose());
    const result = await test.core.service['commands.tryRun']({
      body: 'console.log(JSON.stringify(user), JSON.stringify(chat));',
      userId: '777',
      params: [],
    });
    expect(result).toMatchObject({
      ok: true,
      response: { status: 200, body: '{"status":"success"}' },
      logs: ['{"id":777} {"id":777,"type":"private"}'],
      messages: [],
    });
  });

  it('is bounded as a link run is: a loop is stopped at the time limit, a throw is reported with its logs', async (ctx) => {
    const test = await startTestCore({
      commands: { workers: 1, limits: { cpuMs: 200, memoryBytes: 32 * 1024 * 1024 } },
    });
    ctx.onTestFinished(() => test.dispose());
    const { service } = test.core;
    const looped = await service['commands.tryRun']({ body: 'for (;;) {}', userId: '1', params: [] });
    expect(looped).toMatchObject({ ok: false, response: null });
    expect(looped.reason).toMatch(/Timeout/);
    const thrown = await service['commands.tryRun']({
      body: "console.log('before'); throw new Error('nope');",
      userId: '1',
      params: [],
    });
    expect(thrown).toMatchObject({ ok: false, logs: ['before', 'Error: nope'], response: null });
    expect(thrown.reason).toContain('nope');
  });

  it('refuses options that are not JSON text', async (ctx) => {
    const test = await startTestCore({ commands: { workers: 1 } });
    ctx.onTestFinished(() => test.dispose());
    await expect(
      test.core.service['commands.tryRun']({ body: '', userId: '1', options: '{level', params: [] }),
    ).rejects.toMatchObject({ code: 'bad-input', message: 'The options are not JSON text.' });
  });
});
