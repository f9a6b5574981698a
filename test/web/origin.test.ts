import { describe, expect, it } from 'vitest';
import { isForeignOrigin } from '../../src-main/web/origin';

describe('isForeignOrigin', () => {
  const port = 41234;

  it.each([
    `http://127.0.0.1:${port}`,
    `http://localhost:${port}`,
    `http://LOCALHOST:${port}`,
    `http://[::1]:${port}`,
  ])('takes %s as this bridge', (origin) => {
    expect(isForeignOrigin(origin, port)).toBe(false);
  });

  it('takes a request without an Origin header as no browser cross-site call', () => {
    expect(isForeignOrigin(undefined, port)).toBe(false);
  });

  it.each([
    'http://evil.example',
    `http://evil.example:${port}`,
    `https://127.0.0.1:${port}`,
    `ws://127.0.0.1:${port}`,
    `http://127.0.0.1:${port + 1}`,
    'http://127.0.0.1',
    `http://127.0.0.1:${port}.evil.example`,
    `http://127.0.0.1.evil.example:${port}`,
    `http://user@127.0.0.1:${port}`,
    `http://127.0.0.1:${port}/path`,
    `http://127.0.0.1:${port}@evil.example`,
    'null',
    'file://',
    '',
    'not an origin',
  ])('takes %s as foreign', (origin) => {
    expect(isForeignOrigin(origin, port)).toBe(true);
  });

  it('knows port 80, which an Origin leaves out', () => {
    expect(isForeignOrigin('http://127.0.0.1', 80)).toBe(false);
  });

  it("takes a page under one of the bridge's other host names as its own, and nothing like them", () => {
    const allowed = ['inspector.example.com', '127.0.0.1:9000'];
    expect(isForeignOrigin('https://inspector.example.com', port, allowed)).toBe(false);
    expect(isForeignOrigin('http://127.0.0.1:9000', port, allowed)).toBe(false);
    for (const origin of [
      'https://inspector.example.com:8443',
      'https://evil.example',
      'https://inspector.example.com.evil.example',
      'https://inspector.example.com/path',
      'wss://inspector.example.com',
      'null',
    ])
      expect(isForeignOrigin(origin, port, allowed), origin).toBe(true);
  });
});
