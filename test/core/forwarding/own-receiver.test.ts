import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { pointsAtReceiver } from '../../../src-main/core/forwarding/own-receiver';

const loopbackReceiver = { host: '127.0.0.1', port: 8787 };

describe('pointsAtReceiver', () => {
  it.each([
    'http://127.0.0.1:8787/webhook',
    'http://localhost:8787/webhook',
    'http://app.localhost:8787/',
    'http://[::1]:8787/',
    'http://[0:0:0:0:0:0:0:1]:8787/',
    'http://0.0.0.0:8787/',
    'http://0:8787/',
    'http://[::]:8787/',
    'http://[::ffff:7f00:1]:8787/',
    'http://0x7f.1:8787/',
    'https://127.0.0.1:8787/',
  ])('sees %s as the receiver', (url) => {
    expect(pointsAtReceiver(url, loopbackReceiver)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8788/webhook',
    'http://127.0.0.1/webhook',
    'https://bot.example.com/webhook',
    'http://example.com:8787/webhook',
    'not a url',
  ])('does not see %s as the receiver', (url) => {
    expect(pointsAtReceiver(url, loopbackReceiver)).toBe(false);
  });

  it('takes the default port of the scheme', () => {
    expect(pointsAtReceiver('http://localhost/webhook', { host: '127.0.0.1', port: 80 })).toBe(true);
    expect(pointsAtReceiver('https://localhost/webhook', { host: '127.0.0.1', port: 443 })).toBe(true);
  });

  it("sees the receiver's own host and this machine's interface addresses", () => {
    expect(pointsAtReceiver('http://192.0.2.7:9000/', { host: '192.0.2.7', port: 9000 })).toBe(true);
    const addresses = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .map((info) => (info.family === 'IPv6' ? `[${info.address.split('%')[0]}]` : info.address));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses)
      expect(pointsAtReceiver(`http://${address}:9000/`, { host: '0.0.0.0', port: 9000 }), address).toBe(
        true,
      );
  });

  it("sees a team server's public origin, its proxy, whatever the path", () => {
    const team = { host: '0.0.0.0', port: 8787, publicUrl: 'https://inspector.example.com' };
    expect(pointsAtReceiver('https://inspector.example.com/webhook/prod', team)).toBe(true);
    expect(pointsAtReceiver('https://INSPECTOR.example.com:443/', team)).toBe(true);
    expect(pointsAtReceiver('https://bot.example.com/webhook', team)).toBe(false);
    expect(pointsAtReceiver('http://inspector.example.com/webhook', team)).toBe(false);
  });
});
