import { describe, expect, it } from 'vitest';
import { addressKey } from '../../../src-main/core/receiver/connection-cap';
import { receiverLimits } from '../../../src-main/core/receiver/limits';

const MiB = 1024 * 1024;

describe('receiver limits', () => {
  it('leave half of the process descriptors in reserve for the rest of the process', () => {
    expect(receiverLimits({}, MiB, () => 20000)).toEqual({
      maxConnections: 10000,
      maxConnectionsPerAddress: 256,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxBodyBytesInFlight: 64 * MiB,
    });
    const small = receiverLimits({}, MiB, () => 256);
    expect(small.maxConnections).toBe(128);
    expect(small.maxConnectionsPerAddress).toBe(128);
  });

  it('take what is given, and keep the request timeout no shorter than the head timeout', () => {
    const given = receiverLimits(
      { maxConnections: 200, headersTimeoutMs: 60_000, maxBodyBytesInFlight: 8 * MiB },
      MiB,
      () => 20000,
    );
    expect(given).toMatchObject({
      maxConnections: 200,
      maxConnectionsPerAddress: 200,
      headersTimeoutMs: 60_000,
      requestTimeoutMs: 60_000,
      maxBodyBytesInFlight: 8 * MiB,
    });
    expect(receiverLimits({}, 32 * MiB, () => 20000).maxBodyBytesInFlight).toBe(128 * MiB);
  });

  it('refuse limits that cannot work, naming them', () => {
    expect(() => receiverLimits({ maxConnections: 0 }, MiB)).toThrow(/maxConnections/);
    expect(() => receiverLimits({ requestTimeoutMs: 1.5 }, MiB)).toThrow(/requestTimeoutMs/);
    expect(() => receiverLimits({ headersTimeoutMs: 2000, requestTimeoutMs: 1000 }, MiB)).toThrow(
      /headersTimeoutMs/,
    );
    expect(() => receiverLimits({ maxBodyBytesInFlight: MiB - 1 }, MiB)).toThrow(/maxBodyBytesInFlight/);
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
