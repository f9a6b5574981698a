import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '@contract/dispatch';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../../support/core';
import { PROFILE_DEFAULTS, rejection, sandboxCoreEachTest } from '../support/sandbox-core';

const { core, svc, sandboxProfile, restartCore } = sandboxCoreEachTest();

describe('bot profiles', () => {
  it('has a Sandbox bot profile on first run, pointed at the sandbox, with its secrets set', async () => {
    const profile = await sandboxProfile();
    expect(profile).toMatchObject({
      name: 'Sandbox bot',
      platform: 'solafon',
      baseUrl: `${core().core.sandboxUrl}/api/v1`,
      hasToken: true,
      hasJwt: true,
      sandbox: true,
    });
    expect(JSON.stringify(profile)).not.toContain(core().core.sandboxToken);
  });

  it('keeps one sandbox profile across restarts and follows the sandbox port', async () => {
    const before = await sandboxProfile();
    await core().stop();
    const again = await startTestCore({ dataDir: core().dataDir });
    try {
      const profiles = (await again.core.service['profiles.list']({})).items.filter((p) => p.sandbox);
      expect(profiles).toHaveLength(1);
      expect(profiles[0]?.id).toBe(before.id);
      expect(profiles[0]?.baseUrl).toBe(`${again.core.sandboxUrl}/api/v1`);
    } finally {
      await again.stop();
    }
    await restartCore();
  });

  it('creates, updates (keeping or removing secrets) and deletes a profile', async () => {
    const created = await svc()['profiles.create']({
      ...PROFILE_DEFAULTS,
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
      ...PROFILE_DEFAULTS,
      name: 'Secret',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: 'plain-token-that-must-not-be-on-disk',
    });
    // Make sure the WAL is folded into the file before reading raw bytes.
    await core().stop();
    const bytes = [readFileSync(join(core().dataDir, 'inspector.sqlite'))]
      .concat(
        (() => {
          try {
            return [readFileSync(join(core().dataDir, 'inspector.sqlite-wal'))];
          } catch {
            return [];
          }
        })(),
      )
      .map((b) => b.toString('latin1'))
      .join('');
    expect(bytes).not.toContain('plain-token-that-must-not-be-on-disk');
    expect(statSync(join(core().dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    await restartCore();
  });
});

describe('secrets under another key', () => {
  it('still starts, re-seals the sandbox profile, and says which secret to enter again', async () => {
    const own = await svc()['profiles.create']({
      ...PROFILE_DEFAULTS,
      name: 'Mine',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: '9:mine',
    });
    await core().stop();
    // A key file from elsewhere: what was sealed with the old one cannot be opened.
    writeFileSync(join(core().dataDir, 'secret.key'), randomBytes(32), { mode: 0o600 });
    await restartCore();
    const { id } = await sandboxProfile();
    expect((await svc()['webhook.info']({ profileId: id })).url).toBe(`${core().core.receiverUrl}/webhook`);
    const error = await rejection(() => svc()['webhook.info']({ profileId: own.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/enter it again/);
  });
});
