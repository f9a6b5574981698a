import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closedPortUrl } from '../sandbox/hook-server';
import { PROFILE_DEFAULTS, rejection, sandboxCoreEachTest } from '../support/sandbox-core';

const { core, svc, sandboxProfile } = sandboxCoreEachTest();

describe('webhook state through a profile', () => {
  it('deleting and setting the webhook changes getWebhookInfo', async () => {
    const { id } = await sandboxProfile();
    expect((await svc()['webhook.info']({ profileId: id })).url).toBe(`${core().core.receiverUrl}/webhook`);
    const deleted = await svc()['webhook.delete']({ profileId: id, dropPendingUpdates: false });
    expect(deleted.url).toBe('');
    const set = await svc()['webhook.set']({ profileId: id, url: `${core().core.receiverUrl}/webhook` });
    expect(set.url).toBe(`${core().core.receiverUrl}/webhook`);
  });

  it('checks the webhook for a poll: an unreachable platform is an answer with the reason, not an error', async () => {
    const { id } = await sandboxProfile();
    expect(await svc()['webhook.check']({ profileId: id })).toMatchObject({
      ok: true,
      info: { url: `${core().core.receiverUrl}/webhook` },
    });
    const down = await svc()['profiles.create']({
      ...PROFILE_DEFAULTS,
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
      ...PROFILE_DEFAULTS,
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
        ...PROFILE_DEFAULTS,
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
        ...PROFILE_DEFAULTS,
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
});
