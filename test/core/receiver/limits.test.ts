import { describe, expect, it } from 'vitest';
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
