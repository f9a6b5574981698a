import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addressKey, capPerAddress, isLoopbackAddress } from '../../../src-main/core/receiver/connection-cap';
import { closeAll, openSocket, type WatchedSocket } from '../../support/sockets';
import { useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

describe('capPerAddress', () => {
  const cleanup = useCleanup();

  const serve = async (exempt: (address: string) => boolean) => {
    const server = createServer((_req, res) => res.end());
    const refused: string[] = [];
    const count = capPerAddress(server, { perAddress: 5, onRefused: (a) => refused.push(a), exempt });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    return { port: (server.address() as AddressInfo).port, count, refused };
  };
  const open = (port: number, n: number, localAddress: string) => {
    const sockets = Array.from({ length: n }, () => openSocket(port, { localAddress }));
    cleanup(() => closeAll(sockets));
    return sockets;
  };
  const closed = (sockets: WatchedSocket[]) => sockets.filter((s) => s.closed).length;

  it('closes connections past the limit from one address, leaving room for others', async () => {
    const { port, count, refused } = await serve(() => false);
    const greedy = open(port, 8, '127.0.0.2');
    await waitFor(() => closed(greedy) === 3 && count.open() === 5, { what: '5 held, 3 closed' });
    expect(refused).toEqual(['127.0.0.2', '127.0.0.2', '127.0.0.2']);
    const other = open(port, 5, '127.0.0.3');
    await waitFor(() => count.open() === 10, { what: "the other address's 5" });
    expect(closed(other)).toBe(0);

    // A closed connection frees its place.
    await closeAll(greedy);
    await waitFor(() => count.open() === 5, { what: 'the greedy ones to go' });
    const again = open(port, 5, '127.0.0.2');
    await waitFor(() => count.open() === 10, { what: 'room again' });
    expect(closed(again)).toBe(0);
  });

  it('does not limit exempt addresses (by default loopback) one by one', async () => {
    const { port, count, refused } = await serve(isLoopbackAddress);
    const local = open(port, 12, '127.0.0.2');
    await waitFor(() => count.open() === 12, { what: '12 held' });
    expect(closed(local)).toBe(0);
    expect(refused).toEqual([]);
  });
});

describe('isLoopbackAddress', () => {
  it('knows loopback in both families', () => {
    for (const a of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '::2', '::ffff:10.0.0.1', '']) expect(isLoopbackAddress(a)).toBe(false);
  });
});

describe('addressKey', () => {
  it('counts IPv4 per address, also when mapped into IPv6', () => {
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey(undefined)).toBe('');
  });

  it('counts IPv6 per /64, however the address is written', () => {
    const key = addressKey('2001:db8:1:2:3:4:5:6');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::9')).toBe(key);
    expect(addressKey('2001:DB8:1:2:ffff::')).toBe(key);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
