import { describe, expect, it } from 'vitest';
import { isAllowedHost, isOwnOrigin } from '../../src-main/web/public-hosts';

describe('public hosts of a bridge behind a proxy', () => {
  const port = 41234;
  const allowed = ['inspector.example.com', 'team.example:8443'];

  it.each([
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    'inspector.example.com',
    'INSPECTOR.example.com',
    'inspector.example.com:80',
    'team.example:8443',
  ])('answers Host %s', (host) => {
    expect(isAllowedHost(host, port, allowed)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'evil.example',
    'inspector.example.com:8080',
    'inspector.example.com.evil.example',
    'user@inspector.example.com',
    'inspector.example.com/path',
    'inspector.example.com?x',
    'team.example',
    `127.0.0.1:${port + 1}`,
  ])('refuses Host %s', (host) => {
    expect(isAllowedHost(host, port, allowed)).toBe(false);
  });

  it('answers loopback only when no public host is given, as before', () => {
    expect(isAllowedHost('inspector.example.com', port, [])).toBe(false);
    expect(isAllowedHost(`127.0.0.1:${port}`, port, [])).toBe(true);
  });

  it.each([
    undefined,
    `http://127.0.0.1:${port}`,
    'https://inspector.example.com',
    'http://inspector.example.com',
    'https://team.example:8443',
  ])('takes the page at %s as its own', (origin) => {
    expect(isOwnOrigin(origin, port, allowed)).toBe(true);
  });

  it.each([
    'https://evil.example',
    'https://inspector.example.com:444',
    'https://inspector.example.com.evil.example',
    'ws://inspector.example.com',
    'https://inspector.example.com/path',
    'null',
    'file://',
  ])('takes the page at %s as foreign', (origin) => {
    expect(isOwnOrigin(origin, port, allowed)).toBe(false);
  });

  it('with no public hosts, is exactly the local rule', () => {
    expect(isOwnOrigin('https://inspector.example.com', port, [])).toBe(false);
    expect(isOwnOrigin(`http://localhost:${port}`, port, [])).toBe(true);
  });
});
