import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait';
import { closedPortUrl } from '../sandbox/hook-server';
import { PROFILE_DEFAULTS, sandboxCoreEachTest } from '../support/sandbox-core';

const { svc, sandboxProfile } = sandboxCoreEachTest();

describe('replies sent through a profile', () => {
  it('sends a reply that shows in the sandbox chat and in the history', async () => {
    const { id } = await sandboxProfile();
    await svc()['sandbox.say']({ userId: 42, name: 'Ada', text: '/start' });
    const delivery = await waitFor(async () => (await svc()['deliveries.list']({ limit: 5 })).items[0]);
    const reply = await svc()['messages.send']({
      profileId: id,
      chatId: 42,
      text: 'Welcome!',
      deliveryId: delivery.id,
    });
    expect(reply).toMatchObject({ ok: true, chatId: 42, text: 'Welcome!', deliveryId: delivery.id });
    const chat = (await svc()['sandbox.messages']({ chatId: 42 })).items.map((m) => `${m.sender}:${m.text}`);
    expect(chat).toEqual(['user:/start', 'bot:Welcome!']);
    expect((await svc()['messages.history']({ profileId: id, limit: 10 })).items[0]?.id).toBe(reply.id);
  });

  it('keeps a failed send in the history with the error, never the token', async () => {
    const profile = await svc()['profiles.create']({
      ...PROFILE_DEFAULTS,
      name: 'Down',
      platform: 'telegram',
      baseUrl: new URL(await closedPortUrl()).origin,
      token: '77:down-token-secret',
    });
    const reply = await svc()['messages.send']({ profileId: profile.id, chatId: 1, text: 'hello' });
    expect(reply.ok).toBe(false);
    expect(reply.result).toMatch(/ECONNREFUSED|reach/);
    expect(reply.result).not.toContain('down-token-secret');
    expect((await svc()['messages.history']({ profileId: profile.id, limit: 5 })).items).toHaveLength(1);
  });
});
