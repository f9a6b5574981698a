import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import { fromWire, toWire, type WireDelivery } from '../../../src-main/core/deliveries/writer-wire';
import { delivery, invocation, linkHit } from './fixtures';

/** Across a real message port, as the writer thread receives it (a Buffer arrives as a Uint8Array). */
function crossed(wire: WireDelivery): Promise<WireDelivery> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (message: WireDelivery) => {
      port1.close();
      resolve(message);
    });
    port1.postMessage(wire);
  });
}

describe('a delivery on its way to the writer thread', () => {
  it.each<[string, NewDelivery]>([
    ['a platform update', delivery(7, { problem: 'bad-secret' })],
    ['no user, no chat, no text', delivery(null, { remoteAddress: null, bodyOmitted: true })],
    [
      'ids as text',
      delivery(8, {
        summary: {
          user: { id: '42', name: null, username: null, language: null },
          chat: { id: '-100', type: null },
        },
      }),
    ],
    ['a signed-link hit', linkHit(invocation())],
  ])('arrives as it was sent: %s', async (_, row) => {
    const arrived = fromWire(await crossed(toWire(row)));
    expect(arrived).toEqual(row);
    expect(Buffer.isBuffer(arrived.body)).toBe(true);
    expect(arrived.body.equals(row.body)).toBe(true);
  });

  it('carries a body sliced from a shared pool with exactly its own bytes', async () => {
    const pool = Buffer.from('xxxx{"update_id":1}yyyy');
    const row = delivery(1, { body: pool.subarray(4, 19) });
    const arrived = fromWire(await crossed(toWire(row)));
    expect(arrived.body.toString()).toBe('{"update_id":1}');
  });
});
