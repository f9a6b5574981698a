import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

let t: TestCore;

beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.dispose();
});

const UPDATE = (id: number) => ({
  update_id: id,
  message: {
    message_id: id,
    from: { id: 7, is_bot: false, first_name: 'Bo' },
    chat: { id: 7, type: 'private' },
    date: 1,
    text: 'hi',
  },
});

async function post(id: number, secret?: string) {
  const res = await request(`${t.core.receiverUrl}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === undefined ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
    },
    body: JSON.stringify(UPDATE(id)),
  });
  return { status: res.statusCode, text: await res.body.text() };
}

async function telegramProfile(secret: string) {
  return t.core.service['profiles.create']({
    name: 'Shop',
    platform: 'telegram',
    baseUrl: 'https://api.telegram.org',
    publicUrl: '',
    inbox: 'default',
    webhookSecret: secret,
  } as Parameters<(typeof t.core.service)['profiles.create']>[0]);
}

const problems = async () =>
  Object.fromEntries(
    (await t.core.service['deliveries.list']({ limit: 50 })).items.map((item) => [
      item.summary.updateId,
      item.problem,
    ]),
  );

describe('the secret check of an inbox fed by a bot profile', () => {
  it('flags a missing or wrong secret as bad-secret, filterable, and never puts the secret in the list', async () => {
    const bot = await telegramProfile('right_secret-1');
    // Before any check is set nothing is flagged.
    expect((await post(1)).status).toBe(200);
    await t.core.service['inboxes.configure']({
      inbox: 'default',
      secretCheck: { profileId: bot.id, reject: false },
    });

    expect((await post(2, 'right_secret-1')).status).toBe(200);
    expect((await post(3)).status).toBe(200);
    expect((await post(4, 'wrong')).status).toBe(200);
    expect((await post(5, 'right_secret-')).status).toBe(200);
    expect(await problems()).toEqual({ 1: null, 2: null, 3: 'bad-secret', 4: 'bad-secret', 5: 'bad-secret' });

    const flagged = await t.core.service['deliveries.list']({ limit: 50, problem: 'bad-secret' });
    expect(flagged.items.map((item) => item.summary.updateId).sort()).toEqual([3, 4, 5]);
    expect(JSON.stringify(await t.core.service['deliveries.list']({ limit: 50 }))).not.toContain(
      'right_secret-1',
    );
    expect(JSON.stringify(await t.core.service['inboxes.settings']({ inbox: 'default' }))).not.toContain(
      'right_secret-1',
    );
  });

  it('answers 401 when told to, without echoing the secret, and follows a changed profile secret at once', async () => {
    const bot = await telegramProfile('first_secret');
    await t.core.service['inboxes.configure']({
      inbox: 'default',
      secretCheck: { profileId: bot.id, reject: true },
    });
    const refused = await post(10, 'nope');
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text)).toMatchObject({ ok: false, error: 'bad-secret' });
    expect(refused.text).not.toContain('first_secret');
    expect((await post(11, 'first_secret')).status).toBe(200);

    await t.core.service['profiles.update']({
      id: bot.id,
      name: 'Shop',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      publicUrl: '',
      inbox: 'default',
      webhookSecret: 'second_secret',
    } as Parameters<(typeof t.core.service)['profiles.update']>[0]);
    expect((await post(12, 'first_secret')).status).toBe(401);
    expect((await post(13, 'second_secret')).status).toBe(200);
    const list = await t.core.service['deliveries.list']({ limit: 50 });
    expect(list.items.find((item) => item.summary.updateId === 10)).toMatchObject({
      problem: 'bad-secret',
      responseStatus: 401,
    });
  });

  it('refuses a check naming a profile that does not exist', async () => {
    await expect(
      t.core.service['inboxes.configure']({
        inbox: 'default',
        secretCheck: { profileId: 9999, reject: false },
      }),
    ).rejects.toMatchObject({ code: 'bad-input' });
  });
});
