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

const summaries = async () =>
  (await t.core.service['deliveries.list']({ limit: 10 })).items.map((item) => item.summary);

describe('sandbox chat types', () => {
  it('calls a user’s own chat private and a negative chat a group, whoever writes in it', async () => {
    await t.core.service['sandbox.say']({ userId: 777, name: 'Zoe', chatId: 777, text: 'mine' });
    await t.core.service['sandbox.say']({ userId: 42, chatId: -100, text: 'in the group' });
    await t.core.service['sandbox.say']({ userId: 43, chatId: -100, text: 'me too' });
    const items = await waitFor(async () => {
      const list = await summaries();
      return list.length === 3 ? list : undefined;
    });
    const byText = (text: string) => items.find((s) => (s as { text?: string }).text === text);
    expect(byText('mine')).toMatchObject({ chat: { id: 777, type: 'private' }, user: { id: 777 } });
    expect(byText('in the group')).toMatchObject({ chat: { id: -100, type: 'group' }, user: { id: 42 } });
    expect(byText('me too')).toMatchObject({ chat: { id: -100, type: 'group' }, user: { id: 43 } });
  });

  it('refuses writing into another user’s private chat instead of calling it a group', async () => {
    await expect(
      (async () => t.core.service['sandbox.say']({ userId: 42, chatId: 777, text: 'not mine' }))(),
    ).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/private chat/) });
    expect(await t.core.service['sandbox.messages']({ chatId: 777 })).toMatchObject({ items: [] });
  });
});
