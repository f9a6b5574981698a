import { ContractError } from '@contract';
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

describe('delivery logs through a profile', () => {
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
