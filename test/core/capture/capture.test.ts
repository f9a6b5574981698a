import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { removeDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';
import { startHookServer } from '../sandbox/hook-server';

// Capture against the sandbox, which speaks getUpdates (with its 409 while a
// webhook is set): a "production" webhook with a secret, allowed updates and
// max connections is switched off, updates are kept and tapped, and Stop
// (or closing the app) puts the webhook back exactly as it was.

let t: TestCore;
let dataDir: string | null = null;
const fast = { sandboxDelivery: { timeoutMs: 1000, backoffMs: () => 30 }, capturePollSeconds: 1 };

beforeEach(async () => {
  t = await startTestCore(fast);
  dataDir = null;
});
afterEach(async () => {
  await t.stop();
  removeDir(dataDir ?? t.dataDir);
});

async function tg(method: string, body: Record<string, unknown> = {}) {
  const res = await request(`${t.core.sandboxUrl}/bot${t.core.sandboxToken}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.statusCode,
    json: (await res.body.json()) as { ok: boolean; result?: unknown; error_code?: number },
  };
}
const webhookInfo = async () => (await tg('getWebhookInfo')).json.result as Record<string, unknown>;
const comparable = (info: Record<string, unknown>) => ({
  url: info.url,
  max_connections: info.max_connections,
  allowed_updates: info.allowed_updates,
  ip_address: info.ip_address,
  has_custom_certificate: info.has_custom_certificate,
});

async function production() {
  const hook = await startHookServer();
  const set = await tg('setWebhook', {
    url: hook.url,
    secret_token: 'prod_secret-1',
    max_connections: 7,
    allowed_updates: ['message', 'edited_message', 'callback_query'],
  });
  expect(set.json.ok).toBe(true);
  const profile = await t.core.service['profiles.create']({
    name: 'Production bot',
    platform: 'telegram',
    baseUrl: t.core.sandboxUrl,
    publicUrl: hook.url,
    inbox: 'default',
    token: t.core.sandboxToken,
    webhookSecret: 'prod_secret-1',
  } as Parameters<(typeof t.core.service)['profiles.create']>[0]);
  await t.core.service['inboxes.create']({ name: 'captured' });
  return { hook, profile };
}

describe('Telegram capture without a public URL', () => {
  it('turns the webhook off, keeps and taps each update, and Stop restores the webhook exactly', async () => {
    const { hook, profile } = await production();
    const localBot = await startHookServer();
    try {
      const before = comparable(await webhookInfo());
      const status = await t.core.service['capture.start']({
        profileId: profile.id,
        inbox: 'captured',
        tapUrl: localBot.url,
      });
      expect(status.saved).toEqual({
        url: hook.url,
        allowedUpdates: ['message', 'edited_message', 'callback_query'],
        maxConnections: 7,
        ipAddress: '127.0.0.1',
        secretKnown: true,
      });
      expect((await webhookInfo()).url).toBe('');
      expect((await t.core.service['capture.list']({})).items.map((s) => s.profileId)).toEqual([profile.id]);
      await expect(
        t.core.service['capture.start']({ profileId: profile.id, inbox: 'captured', tapUrl: null }),
      ).rejects.toMatchObject({ code: 'conflict' });

      await t.core.service['sandbox.say']({ userId: 5, name: 'Eve', chatId: 5, text: 'one' });
      await t.core.service['sandbox.say']({ userId: 5, name: 'Eve', chatId: 5, text: 'two' });
      const kept = await waitFor(async () => {
        const list = await t.core.service['deliveries.list']({ limit: 10, inbox: 'captured' });
        return list.items.length === 2 && list.items;
      });
      expect(kept.map((d) => d.summary.text).sort()).toEqual(['one', 'two']);
      await waitFor(() => localBot.received.length === 2, { what: 'the tap forwards' });
      expect(localBot.received.map((r) => (r.body.message as { text: string }).text).sort()).toEqual([
        'one',
        'two',
      ]);
      expect(hook.received).toHaveLength(0);

      const stopped = await t.core.service['capture.stop']({ profileId: profile.id });
      expect(stopped.captured).toBe(2);
      expect(comparable(await webhookInfo())).toEqual(before);
      expect((await t.core.service['capture.list']({})).items).toEqual([]);
      // The captured updates are not delivered again; a new one goes to production, with its secret.
      await t.core.service['sandbox.say']({ userId: 5, name: 'Eve', chatId: 5, text: 'three' });
      await waitFor(() => hook.received.length === 1, { what: 'delivery to the restored webhook' });
      expect(hook.received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('prod_secret-1');
      expect(hook.received[0]?.body).toMatchObject({ message: { text: 'three' } });
    } finally {
      await hook.close();
      await localBot.close();
    }
  });

  it('restores the webhook when the app stops mid-capture', async () => {
    const { hook, profile } = await production();
    try {
      const before = comparable(await webhookInfo());
      await t.core.service['capture.start']({ profileId: profile.id, inbox: 'captured', tapUrl: null });
      expect((await webhookInfo()).url).toBe('');
      // getUpdates while a webhook is set is Telegram's 409; here the webhook is off, so it is not.
      await t.stop();
      dataDir = t.dataDir;
      t = await startTestCore({ ...fast, dataDir });
      expect(comparable(await webhookInfo())).toEqual(before);
      expect((await tg('getUpdates')).json).toMatchObject({ ok: false, error_code: 409 });
    } finally {
      await hook.close();
    }
  });

  it('refuses a profile that is not Telegram’s', async () => {
    const sandbox = (await t.core.service['profiles.list']({})).items.find((p) => p.sandbox);
    await expect(
      t.core.service['capture.start']({ profileId: sandbox?.id ?? 0, inbox: 'default', tapUrl: null }),
    ).rejects.toMatchObject({ code: 'bad-input' });
  });
});
