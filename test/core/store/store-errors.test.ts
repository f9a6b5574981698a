import { ContractError, type StoreStatus } from '@contract';
import { describe, expect, it } from 'vitest';
import { StoreHealth } from '../../../src-main/core/store/health';
import { withStoreErrors } from '../../../src-main/core/store/store-errors';
import { fakeService } from '../../support/fake-service';

describe('withStoreErrors', () => {
  it('says a call failed because the store is away, and tells the UI once', async () => {
    const statuses: StoreStatus[] = [];
    const health = new StoreHealth('postgres', (s) => statuses.push(s));
    const away = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const service = withStoreErrors(
      fakeService({
        'deliveries.list': () => Promise.reject(away),
        'inboxes.list': () => {
          throw new ContractError('not-found', 'a plain refusal');
        },
      }),
      (error) => (error === away ? 'connection refused' : null),
      health,
    );
    await expect(service['deliveries.list']({ limit: 1 })).rejects.toMatchObject({
      code: 'unavailable',
      message: 'The team database cannot be reached (connection refused); try again when it is back.',
    });
    await expect(service['deliveries.list']({ limit: 1 })).rejects.toMatchObject({ code: 'unavailable' });
    expect(statuses.map((s) => [s.state, s.reason])).toEqual([['unavailable', 'connection refused']]);
    // Any other failure is left as it was.
    await expect(service['inboxes.list']({})).rejects.toMatchObject({ code: 'not-found' });
    // And calls that work still answer.
    await expect(service['app.info']({})).resolves.toMatchObject({ defaultInbox: 'default' });
    health.recovered();
    expect(statuses.at(-1)).toMatchObject({ state: 'ok', reason: null });
  });
});
