import { describe, expect, it } from 'vitest';
import { idsMatching } from '../../../src-main/core/deliveries/ids-matching';
import { type DeliveryEngine, useDeliveryEngines } from './engines';
import { delivery } from './fixtures';

// What a replay by filter sends and an export by filter writes: the same ids
// on both engines, oldest first; a replay keeps only the newest `cap`.

describe('idsMatching', () => {
  describe.each(useDeliveryEngines())('on $name', (engine: DeliveryEngine) => {
    it('pages through every match, oldest first, and keeps the newest ones under a cap', async (ctx) => {
      const { store } = await engine.open(ctx);
      // Over two pages of matches, interleaved with deliveries of another inbox.
      const rows = Array.from({ length: 2600 }, (_, i) =>
        delivery(i + 1, { inbox: i % 2 === 0 ? 'a' : 'b' }),
      );
      const items = await store.insertAll(rows);
      const inA = items.filter((item) => item.inbox === 'a').map((item) => item.id);
      expect(inA).toHaveLength(1300);

      expect(await idsMatching(store, { inbox: 'a' })).toEqual(inA);
      expect(await idsMatching(store, { inbox: 'a' }, 1000)).toEqual(inA.slice(-1000));
      expect(await idsMatching(store, { inbox: 'a' }, 1200)).toEqual(inA.slice(-1200));
      expect(await idsMatching(store, { inbox: 'none' })).toEqual([]);
    });
  });
});
