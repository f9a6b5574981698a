import { networkInterfaces } from 'node:os';
import type { DeliveryListItem } from '@contract';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import type { ReceiverLimits } from '../../../src-main/core/receiver/limits';
import { startReceiver } from '../../../src-main/core/receiver/server';
import { httpRequest } from '../../support/http';
import { solafonUpdate } from '../../support/payloads';
import { closeAll, openSocket, type WatchedSocket } from '../../support/sockets';
import { useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

// The receiver exposed on every interface (`--receiver-host 0.0.0.0`), as a team server runs it, keeps
// the protections it has on loopback. Loopback clients are not capped one by one, so a client "on the
// network" is this machine reached through one of its other addresses; a machine without one has no
// network client to cap, and only the rest is checked.

/** A non-loopback IPv4 address of this machine, or null. */
function networkAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  return null;
}

describe('the receiver bound to 0.0.0.0', () => {
  const cleanup = useCleanup();
  const network = networkAddress();
  const clientAddress = network ?? '127.0.0.1';

  const start = async (limits: Partial<ReceiverLimits>, trustProxy = false) => {
    const stored: NewDelivery[] = [];
    const receiver = await startReceiver({
      host: '0.0.0.0',
      port: 0,
      maxBodyBytes: 1024,
      defaultInbox: 'default',
      hasInbox: (name) => name === 'default',
      store: async (delivery) => {
        stored.push(delivery);
        return {} as DeliveryListItem;
      },
      log: () => undefined,
      links: () => Promise.reject(new Error('no links in this test')),
      limits,
      trustProxy,
    });
    cleanup(() => receiver.close());
    return { receiver, stored, url: `http://${clientAddress}:${receiver.port}` };
  };
  const flood = (port: number, n: number, localAddress: string) => {
    const sockets = Array.from({ length: n }, () => openSocket(port, { host: localAddress, localAddress }));
    cleanup(() => closeAll(sockets));
    return sockets;
  };
  const closed = (sockets: WatchedSocket[]) => sockets.filter((s) => s.closed).length;

  it('caps connections per address and in all, cuts a slow head with 408 and answers a big body 413', async () => {
    const { receiver, url } = await start({
      maxConnections: 12,
      maxConnectionsPerAddress: 4,
      headersTimeoutMs: 200,
      requestTimeoutMs: 400,
    });
    let greedy: WatchedSocket[] = [];
    if (network !== null) {
      greedy = flood(receiver.port, 6, network);
      await waitFor(() => closed(greedy) === 2 && receiver.load().connections === 4, {
        what: 'a network client held to 4 connections',
      });
    }
    const local = flood(receiver.port, 12 - (greedy.length - closed(greedy)) + 2, '127.0.0.1');
    await waitFor(() => closed(local) === 2 && receiver.load().connections === 12, {
      what: '12 connections in all, the 2 past them closed',
    });
    await closeAll([...greedy, ...local]);
    await waitFor(() => receiver.load().connections === 0, { what: 'the floods to go' });

    const slowHead = openSocket(receiver.port, {
      host: clientAddress,
      send: 'POST /webhook HTTP/1.1\r\nHost: inspector.example.com\r\nConte',
    });
    cleanup(() => closeAll([slowHead]));
    await waitFor(() => slowHead.closed, { what: 'the slow head to be cut' });
    expect(slowHead.status()).toBe(408);

    const big = await httpRequest(`${url}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...solafonUpdate(1), text: 'x'.repeat(2048) }),
    });
    expect(big.status).toBe(413);
  });

  it('behind a trusted proxy takes the client from X-Forwarded-For and does not cap the proxy per address', async () => {
    const { receiver, stored, url } = await start({ maxConnections: 12, maxConnectionsPerAddress: 4 }, true);
    const fromProxy = flood(receiver.port, 6, clientAddress);
    await waitFor(() => receiver.load().connections === 6, { what: "the proxy's 6 connections held" });
    expect(closed(fromProxy)).toBe(0);

    const post = (forwardedFor: string) =>
      httpRequest(`${url}/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
        body: JSON.stringify(solafonUpdate(stored.length + 1)),
      });
    // The first hop is what the client claimed; the last is what the proxy saw.
    expect((await post('203.0.113.9, 198.51.100.7')).status).toBe(200);
    expect((await post('not-an-address')).status).toBe(200);
    expect(stored.map((d) => d.remoteAddress)).toEqual(['198.51.100.7', clientAddress]);
  });
});
