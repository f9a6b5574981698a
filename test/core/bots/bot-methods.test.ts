import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ContractError } from '@contract';
import { dispatch } from '@contract/dispatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { waitFor } from '../../support/wait';
import { closedPortUrl } from '../sandbox/hook-server';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ sandboxDelivery: { timeoutMs: 1000, backoffMs: () => 30 } });
});
afterEach(async () => {
  await t.dispose();
});

const svc = () => t.core.service;
/** What the contract fills in with its defaults when a caller leaves them out. */
const defaults = { publicUrl: '', inbox: 'default', appId: null };
const sandboxProfile = async () => {
  const found = (await svc()['profiles.list']({})).items.find((p) => p.sandbox);
  if (!found) throw new Error('no sandbox profile');
  return found;
};

/** Service methods may throw at once or reject later: both count. */
async function rejection(run: () => unknown): Promise<ContractError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected a rejection');
}

describe('bot profiles', () => {
  it('has a Sandbox bot profile on first run, pointed at the sandbox, with its secrets set', async () => {
    const profile = await sandboxProfile();
    expect(profile).toMatchObject({
      name: 'Sandbox bot',
      platform: 'solafon',
      baseUrl: `${t.core.sandboxUrl}/api/v1`,
      hasToken: true,
      hasJwt: true,
      sandbox: true,
    });
    expect(JSON.stringify(profile)).not.toContain(t.core.sandboxToken);
  });

  it('keeps one sandbox profile across restarts and follows the sandbox port', async () => {
    const before = await sandboxProfile();
    await t.stop();
    const again = await startTestCore({ dataDir: t.dataDir });
    try {
      const profiles = (await again.core.service['profiles.list']({})).items.filter((p) => p.sandbox);
      expect(profiles).toHaveLength(1);
      expect(profiles[0]?.id).toBe(before.id);
      expect(profiles[0]?.baseUrl).toBe(`${again.core.sandboxUrl}/api/v1`);
    } finally {
      await again.stop();
    }
    t = await startTestCore({ dataDir: t.dataDir });
  });

  it('creates, updates (keeping or removing secrets) and deletes a profile', async () => {
    const created = await svc()['profiles.create']({
      ...defaults,
      name: 'Prod bot',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: '123:prod-secret-token',
      publicUrl: 'https://tunnel.example/webhook',
      inbox: 'default',
      appId: null,
    });
    expect(created).toMatchObject({ hasToken: true, hasJwt: false, sandbox: false });
    const renamed = await svc()['profiles.update']({ ...created, id: created.id, name: 'Prod' });
    expect(renamed).toMatchObject({ name: 'Prod', hasToken: true });
    const cleared = await svc()['profiles.update']({ ...created, id: created.id, token: '' });
    expect(cleared.hasToken).toBe(false);
    expect(await svc()['profiles.delete']({ profileId: created.id })).toEqual({ deleted: true });
    expect((await rejection(() => svc()['profiles.delete']({ profileId: created.id }))).code).toBe(
      'not-found',
    );
  });

  it('refuses to delete the sandbox profile', async () => {
    const { id } = await sandboxProfile();
    const error = await rejection(() => svc()['profiles.delete']({ profileId: id }));
    expect(error.code).toBe('conflict');
  });

  it('validates profile input through the contract', async () => {
    const result = await dispatch(svc(), 'profiles.create', { name: '', platform: 'irc', baseUrl: 'nope' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.error).toBe('bad-input');
      expect(result.error.message).toMatch(/name/);
      expect(result.error.message).toMatch(/platform/);
      expect(result.error.message).toMatch(/baseUrl/);
    }
  });

  it('encrypts tokens at rest with a key file only the user can read', async () => {
    await svc()['profiles.create']({
      ...defaults,
      name: 'Secret',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: 'plain-token-that-must-not-be-on-disk',
    });
    // Make sure the WAL is folded into the file before reading raw bytes.
    await t.stop();
    const bytes = [readFileSync(join(t.dataDir, 'inspector.sqlite'))]
      .concat(
        (() => {
          try {
            return [readFileSync(join(t.dataDir, 'inspector.sqlite-wal'))];
          } catch {
            return [];
          }
        })(),
      )
      .map((b) => b.toString('latin1'))
      .join('');
    expect(bytes).not.toContain('plain-token-that-must-not-be-on-disk');
    expect(statSync(join(t.dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    t = await startTestCore({ dataDir: t.dataDir });
  });
});

describe('secrets under another key', () => {
  it('still starts, re-seals the sandbox profile, and says which secret to enter again', async () => {
    const own = await svc()['profiles.create']({
      ...defaults,
      name: 'Mine',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: '9:mine',
    });
    await t.stop();
    // A key file from elsewhere: what was sealed with the old one cannot be opened.
    writeFileSync(join(t.dataDir, 'secret.key'), randomBytes(32), { mode: 0o600 });
    t = await startTestCore({ dataDir: t.dataDir });
    const { id } = await sandboxProfile();
    expect((await svc()['webhook.info']({ profileId: id })).url).toBe(`${t.core.receiverUrl}/webhook`);
    const error = await rejection(() => svc()['webhook.info']({ profileId: own.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/enter it again/);
  });
});

describe('webhook, compose and logs through a profile', () => {
  it('deleting and setting the webhook changes getWebhookInfo', async () => {
    const { id } = await sandboxProfile();
    expect((await svc()['webhook.info']({ profileId: id })).url).toBe(`${t.core.receiverUrl}/webhook`);
    const deleted = await svc()['webhook.delete']({ profileId: id, dropPendingUpdates: false });
    expect(deleted.url).toBe('');
    const set = await svc()['webhook.set']({ profileId: id, url: `${t.core.receiverUrl}/webhook` });
    expect(set.url).toBe(`${t.core.receiverUrl}/webhook`);
  });

  it('checks the webhook for a poll: an unreachable platform is an answer with the reason, not an error', async () => {
    const { id } = await sandboxProfile();
    expect(await svc()['webhook.check']({ profileId: id })).toMatchObject({
      ok: true,
      info: { url: `${t.core.receiverUrl}/webhook` },
    });
    const down = await svc()['profiles.create']({
      ...defaults,
      name: 'Down',
      platform: 'telegram',
      baseUrl: await closedPortUrl(),
      token: '1:real-token-value',
    });
    const check = await svc()['webhook.check']({ profileId: down.id });
    expect(check).toMatchObject({ ok: false, error: { code: 'upstream', details: { kind: 'network' } } });
    // A profile that does not exist is still an error.
    expect((await rejection(() => svc()['webhook.check']({ profileId: 9999 }))).code).toBe('not-found');
  });

  it('refuses a non-HTTPS webhook for a real platform before any request, with the reason', async () => {
    const profile = await svc()['profiles.create']({
      ...defaults,
      name: 'Real',
      platform: 'telegram',
      baseUrl: 'http://127.0.0.1:9',
      token: '1:real-token-value',
    });
    const error = await rejection(() =>
      svc()['webhook.set']({ profileId: profile.id, url: 'http://my-bot.example/hook' }),
    );
    expect(error.code).toBe('bad-input');
    expect(error.details?.kind).toBe('refused');
    expect(error.message).toMatch(/HTTPS/);
  });

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
      ...defaults,
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

  it('shows failed attempts in the logs when the webhook points at a closed port', async () => {
    const { id } = await sandboxProfile();
    await svc()['webhook.set']({ profileId: id, url: await closedPortUrl() });
    await svc()['sandbox.say']({ userId: 8, text: 'lost?' });
    const info = await waitFor(async () => {
      const i = await svc()['webhook.info']({ profileId: id });
      return (i.pendingUpdateCount ?? 0) > 0 && i.lastErrorMessage !== null && i;
    });
    expect(info.lastErrorMessage).toBe('Connection refused');
    const logs = await waitFor(async () => {
      const items = (await svc()['logs.list']({ profileId: id })).items;
      return items.length > 0 && items;
    });
    expect(logs[0]).toMatchObject({ status: null, error: 'Connection refused' });
  });

  it("sends a Telegram profile's kept webhook secret with setWebhook", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        seen.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ok: true,
            result: req.url?.endsWith('getWebhookInfo') ? { url: 'https://bot.example/hook' } : true,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const profile = await svc()['profiles.create']({
        ...defaults,
        name: 'TG secret',
        platform: 'telegram',
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        token: '5:tg',
        webhookSecret: 'kept_secret',
      });
      await svc()['webhook.set']({ profileId: profile.id, url: 'https://bot.example/hook' });
      expect(JSON.parse(seen[0] ?? '{}')).toEqual({
        url: 'https://bot.example/hook',
        secret_token: 'kept_secret',
      });
      expect(JSON.stringify(await svc()['profiles.list']({}))).not.toContain('kept_secret');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('never shows a webhook secret or the token in a failed webhook.set, even when the platform echoes them', async () => {
    // A platform that quotes the whole request back in its error, as some proxies and stand-ins do.
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        const sent = JSON.parse(body) as { secret_token?: string };
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            ok: false,
            error_code: 400,
            description: `Bad Request: bad webhook: ${req.url} got ${body} (secret_token=${sent.secret_token}, X-Telegram-Bot-Api-Secret-Token: ${sent.secret_token})`,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const token = '77:failing-platform-token';
      const profile = await svc()['profiles.create']({
        ...defaults,
        name: 'TG failing',
        platform: 'telegram',
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        token,
        webhookSecret: 'kept_secret_that_must_not_show',
      });
      // The profile's kept secret, a typed one, and one too short to be masked by value alone.
      for (const secretToken of [undefined, 'typed_secret_that_must_not_show', 'k9Z']) {
        const error = await rejection(() =>
          svc()['webhook.set']({
            profileId: profile.id,
            url: 'https://bot.example/hook',
            ...(secretToken === undefined ? {} : { secretToken }),
          }),
        );
        expect(error.code).toBe('upstream');
        expect(error.details?.status).toBe(400);
        const shown = JSON.stringify({ ...error.toBody(), stack: error.stack });
        expect(shown).toContain('Bad Request: bad webhook');
        for (const secret of [
          secretToken ?? 'kept_secret_that_must_not_show',
          token,
          'failing-platform-token',
        ]) {
          expect(shown).not.toContain(secret);
        }
      }
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('says why a Telegram profile has no delivery log', async () => {
    const profile = await svc()['profiles.create']({
      ...defaults,
      name: 'TG',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: '5:tg',
    });
    const error = await rejection(() => svc()['logs.list']({ profileId: profile.id }));
    expect(error.message).toMatch(/Telegram keeps no delivery log/);
  });
});
