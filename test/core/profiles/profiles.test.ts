import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError } from '@contract';
import { dispatch } from '@contract/dispatch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

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
