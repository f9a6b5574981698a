import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { solafonUpdate } from './support/deliveries';
import { startServe, tempDataDir } from './support/serve-process';

describe('durability', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('keeps every acknowledged delivery through kill -9', async () => {
    const server = await startServe(data.dir);
    const acknowledged = new Set<number>();
    let stopSending = false;
    // Bursts of concurrent deliveries; the server is killed while some are in flight.
    const sender = async (lane: number) => {
      for (let i = 0; !stopSending && i < 400; i++) {
        const updateId = lane * 100_000 + i;
        try {
          const res = await request(`${server.receiverUrl}/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(solafonUpdate(updateId, `burst ${updateId}`)),
          });
          await res.body.dump();
          if (res.statusCode === 200) acknowledged.add(updateId);
        } catch {
          return; // The server is gone: what was not answered was never promised.
        }
      }
    };
    const lanes = Array.from({ length: 16 }, (_, lane) => sender(lane + 1));
    // Kill once a good number of deliveries has been acknowledged, while lanes keep sending.
    const deadline = Date.now() + 30_000;
    while (acknowledged.size < 1500 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    await server.kill9();
    stopSending = true;
    await Promise.all(lanes);

    const restarted = await startServe(data.dir);
    try {
      const stored = new Set<number>();
      let before: number | undefined;
      for (;;) {
        const page = await restarted.api<{ items: Array<{ id: number; updateId: number | null }> }>(
          'deliveries.list',
          before === undefined ? { limit: 1000 } : { limit: 1000, before },
        );
        for (const item of page.items) if (item.updateId !== null) stored.add(item.updateId);
        if (page.items.length < 1000) break;
        before = page.items[page.items.length - 1]?.id;
      }
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(acknowledged.size).toBeGreaterThanOrEqual(1500);
      expect(missing).toEqual([]);
    } finally {
      await restarted.stop();
    }
  });
});
