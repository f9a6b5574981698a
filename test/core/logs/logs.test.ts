import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait';
import { closedPortUrl } from '../sandbox/hook-server';
import { PROFILE_DEFAULTS, rejection, sandboxCoreEachTest } from '../support/sandbox-core';

const { svc, sandboxProfile } = sandboxCoreEachTest();

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
      ...PROFILE_DEFAULTS,
      name: 'TG',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      token: '5:tg',
    });
    const error = await rejection(() => svc()['logs.list']({ profileId: profile.id }));
    expect(error.message).toMatch(/Telegram keeps no delivery log/);
  });
});
