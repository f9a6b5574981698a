import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../src-main/core/receiver/client-address';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the socket peer unless the proxy is trusted, whatever the header says', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.9'), false)).toBe('10.0.0.2');
  });

  it('behind a trusted proxy is the last hop, the one the proxy appended', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.2', '192.0.2.1, 203.0.113.9'), true)).toBe('203.0.113.9');
    // Repeated headers arrive joined by Node with ", ".
    expect(clientAddress(request('10.0.0.2', '192.0.2.1,203.0.113.9 '), true)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.2', '192.0.2.1, 2001:db8::7'), true)).toBe('2001:db8::7');
    expect(clientAddress(request('10.0.0.2', '[2001:db8::7]'), true)).toBe('2001:db8::7');
  });

  it('falls back to the peer when the last hop is missing or not an address', () => {
    expect(clientAddress(request('10.0.0.2'), true)).toBe('10.0.0.2');
    for (const header of ['', 'unknown', '203.0.113.9, ', '203.0.113.9:4711', '203.0.113.9, evil'])
      expect(clientAddress(request('10.0.0.2', header), true), header).toBe('10.0.0.2');
  });
});
