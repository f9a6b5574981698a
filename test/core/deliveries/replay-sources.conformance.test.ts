import { describe, expect, it } from 'vitest';
import { useDeliveryEngines } from './engines';
import { delivery } from './fixtures';

// A bulk replay reads what it sends a chunk of ids at a time (replaySources):
// the same bytes, headers and omitted flag as a whole-row read, on both engines.

describe('DeliveryStore.replaySources', () => {
  describe.each(useDeliveryEngines())('on $name', (engine) => {
    it('reads the body bytes, headers and omitted flag of many ids in one call, as get() has them', async (ctx) => {
      const { store } = await engine.open(ctx);
      const binary = Buffer.from([0xff, 0x00, 0x7b, 0x80]);
      const stored = await store.insertAll([
        delivery(1, {
          headers: [
            ['content-type', 'application/json'],
            ['x-a', '1'],
            ['x-a', '2'],
          ],
        }),
        delivery(null, { body: binary, bodySize: binary.length }),
        delivery(3, { body: Buffer.alloc(0), bodySize: 5_000_000, bodyOmitted: true }),
      ]);
      const ids = stored.map((d) => d.id);
      const found = await store.replaySources([...ids, 999_999]);
      expect([...found.keys()].sort((a, b) => a - b)).toEqual(ids);
      for (const id of ids) {
        const whole = await store.get(id);
        expect(found.get(id)).toEqual({
          id,
          headers: whole?.headers,
          body: whole?.body,
          bodyOmitted: whole?.bodyOmitted,
        });
      }
      expect(found.get(ids[1] as number)?.body.equals(binary)).toBe(true);
      expect(found.get(ids[2] as number)?.bodyOmitted).toBe(true);
    });

    it('answers an empty map for no ids, ids never stored, and ids no row could have', async (ctx) => {
      const { store } = await engine.open(ctx);
      await store.insertAll([delivery(1)]);
      expect((await store.replaySources([])).size).toBe(0);
      expect((await store.replaySources([123_456, -1, 0])).size).toBe(0);
      expect((await store.replaySources([2 ** 60, 1.5, Number.NaN])).size).toBe(0);
    });

    it('reads a deleted delivery as gone, and a repeated id once', async (ctx) => {
      const { store } = await engine.open(ctx);
      const [a, b] = (await store.insertAll([delivery(1), delivery(2)])).map((d) => d.id) as [number, number];
      await store.deleteIds([a]);
      const found = await store.replaySources([a, b, b]);
      expect([...found.keys()]).toEqual([b]);
    });
  });
});
