import type { DeliveryListItem } from '@contract';
import { describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import type { ReceiverLimits } from '../../../src-main/core/receiver/limits';
import { startReceiver } from '../../../src-main/core/receiver/server';
import { postJson } from '../../support/http';
import { solafonUpdate } from '../../support/payloads';
import { closeAll, openSocket, type WatchedSocket } from '../../support/sockets';
import { useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

interface ReceiverError {
  ok: false;
  error: string;
  reason: string;
}

const chunkedHead = (path = '/webhook') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
const chunk = (bytes: number) => `${bytes.toString(16)}\r\n${'x'.repeat(bytes)}\r\n`;

describe('receiver against hostile clients', () => {
  const cleanup = useCleanup();

  const start = async (limits: Partial<ReceiverLimits>, maxBodyBytes = 4096) => {
    const stored: NewDelivery[] = [];
    const logs: string[] = [];
    const receiver = await startReceiver({
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes,
      defaultInbox: 'default',
      hasInbox: (name) => name === 'default',
      store: async (delivery) => {
        stored.push(delivery);
        return {} as DeliveryListItem;
      },
      log: (m) => logs.push(m),
      links: () => Promise.reject(new Error('no links in this test')),
      limits,
    });
    cleanup(() => receiver.close());
    return { receiver, stored, logs };
  };

  const flood = (port: number, n: number, options: Parameters<typeof openSocket>[1] = {}) => {
    const sockets = Array.from({ length: n }, () => openSocket(port, options));
    cleanup(() => closeAll(sockets));
    return sockets;
  };
  const closed = (sockets: WatchedSocket[]) => sockets.filter((s) => s.closed).length;

  /** Whether a normal delivery gets 200 now (a refused connection is a no, not an error). */
  const accepted = async (url: string) => {
    try {
      return (await postJson(`${url}/webhook`, solafonUpdate(1))).status === 200;
    } catch {
      return false;
    }
  };

  it('holds at most maxConnections, closes the excess at once, and takes new ones once the flood ends', async () => {
    const { receiver, logs } = await start({ maxConnections: 20, maxConnectionsPerAddress: 100 });
    const sockets = flood(receiver.port, 30);
    await waitFor(() => closed(sockets) === 10 && receiver.load().connections === 20, {
      what: '20 held, 10 closed',
    });
    expect(await accepted(receiver.url)).toBe(false);
    expect(logs.some((m) => m.includes('20 connections open'))).toBe(true);

    await closeAll(sockets);
    await waitFor(() => receiver.load().connections === 0, { what: 'the flood to end' });
    expect(await accepted(receiver.url)).toBe(true);
  });

  it('limits loopback (this machine, or a tunnel on it) by maxConnections only, not per address', async () => {
    const { receiver } = await start({ maxConnections: 30, maxConnectionsPerAddress: 5 });
    const local = flood(receiver.port, 20);
    await waitFor(() => receiver.load().connections === 20, { what: '20 local connections held' });
    expect(closed(local)).toBe(0);
    expect(await accepted(receiver.url)).toBe(true);
  });

  it('cuts a connection that sends no complete head within headersTimeout, with 408 and a JSON reason', async () => {
    const { receiver } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const started = Date.now();
    const idle = openSocket(receiver.port);
    const slowHead = openSocket(receiver.port, {
      send: 'POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nConte',
    });
    cleanup(() => closeAll([idle, slowHead]));
    await waitFor(() => idle.closed && slowHead.closed, { what: 'both cut' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    for (const s of [idle, slowHead]) {
      expect(s.status()).toBe(408);
      expect(s.json<ReceiverError>()).toMatchObject({ ok: false, error: 'request-timeout' });
    }
    expect(await accepted(receiver.url)).toBe(true);
  });

  it('cuts a body that never ends after requestTimeout, stores nothing and frees its bytes', async () => {
    const { receiver, stored } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const endless = openSocket(receiver.port, { send: chunkedHead() + chunk(1000) });
    cleanup(() => closeAll([endless]));
    await waitFor(() => receiver.load().bodyBytes === 1000, { what: 'the first chunk to be held' });
    await waitFor(() => endless.closed, { what: 'the endless body to be cut' });
    expect(endless.status()).toBe(408);
    await waitFor(() => receiver.load().connections === 0, { what: 'the connection to go' });
    expect(receiver.load().bodyBytes).toBe(0);
    expect(stored).toEqual([]);
  });

  it('answers 503 with Retry-After past maxBodyBytesInFlight, so 300 slow bodies hold bounded memory', async () => {
    const size = 90 * 1024;
    const cap = 1024 * 1024;
    const { receiver, stored, logs } = await start(
      { maxBodyBytesInFlight: cap, maxConnectionsPerAddress: 1000 },
      100 * 1024,
    );
    // Each sends most of a body that fits the per-body limit, and never the end of it.
    const sockets = flood(receiver.port, 300, { send: chunkedHead() + chunk(size) });
    const refused = () => sockets.filter((s) => s.status() === 503);
    const settled = () => {
      const held = receiver.load().bodyBytes;
      return held % size === 0 && refused().length + held / size === 300;
    };
    await waitFor(settled, { timeoutMs: 20_000, what: 'every body held whole or refused' });

    const held = receiver.load().bodyBytes;
    expect(held).toBeLessThanOrEqual(cap);
    expect(refused().length).toBeGreaterThanOrEqual(300 - Math.floor(cap / size));
    for (const s of refused()) {
      expect(s.received).toMatch(/\r\nRetry-After: 1\r\n/i);
      await waitFor(() => s.json() !== null, { what: 'the 503 body' });
      expect(s.json<ReceiverError>()).toMatchObject({ ok: false, error: 'busy' });
    }
    expect(stored).toEqual([]);
    expect(logs.filter((m) => m.includes('bodies in flight'))).toHaveLength(1);

    await closeAll(sockets);
    await waitFor(() => receiver.load().bodyBytes === 0, { what: 'the held bodies to be freed' });
    expect(await accepted(receiver.url)).toBe(true);
  });

  it('answers malformed HTTP and an oversized head with a status and a JSON reason', async () => {
    const { receiver } = await start({});
    const garbage = openSocket(receiver.port, { send: 'NOT HTTP\r\n\r\n' });
    const huge = openSocket(receiver.port, {
      send: `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    });
    cleanup(() => closeAll([garbage, huge]));
    await waitFor(() => garbage.closed && huge.closed, { what: 'both answered' });
    expect(garbage.status()).toBe(400);
    expect(garbage.json<ReceiverError>()).toMatchObject({ ok: false, error: 'bad-request' });
    expect(huge.status()).toBe(431);
    expect(huge.json<ReceiverError>()).toMatchObject({ ok: false, error: 'headers-too-large' });
  });
});
