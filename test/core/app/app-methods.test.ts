import { type AppInfo, appMethodTable, type StoreStatus } from '@contract';
import { describe, expect, it } from 'vitest';
import { appMethods } from '../../../src-main/core/app/methods';

const info: AppInfo = {
  version: '1.2.3',
  receiverUrl: 'http://127.0.0.1:8787',
  dataDir: '/tmp/data',
  maxBodyBytes: 1024,
  durability: 'full',
  defaultInbox: 'default',
};
const status: StoreStatus = {
  engine: 'sqlite',
  state: 'ok',
  reason: null,
  since: '2026-01-01T00:00:00.000Z',
};

describe('app methods', () => {
  it('implement the whole app part of the method table in one place', () => {
    const methods = appMethods({ info, status: () => status, mode: 'local' });
    expect(Object.keys(methods).sort()).toEqual(Object.keys(appMethodTable).sort());
  });

  it.each(['local', 'team'] as const)(
    'whoami on a %s core names its mode and nobody in particular',
    async (mode) => {
      const methods = appMethods({ info, status: () => status, mode });
      expect(await methods['app.whoami']({})).toEqual({ mode, person: null });
    },
  );

  it('answer info as a copy, and the store status as it is now', async () => {
    let now = status;
    const methods = appMethods({ info, status: () => now, mode: 'local' });
    const told = await methods['app.info']({});
    expect(told).toEqual(info);
    expect(told).not.toBe(info);
    now = { ...status, state: 'unavailable', reason: 'database down' };
    expect(await methods['app.status']({})).toEqual(now);
  });
});
