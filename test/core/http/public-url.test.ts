import { describe, expect, it } from 'vitest';
import { publicOrigin } from '../../../src-main/core/http/public-url';

describe('publicOrigin', () => {
  it.each([
    ['https://inspector.example.com', 'https://inspector.example.com'],
    ['https://Inspector.Example.com/', 'https://inspector.example.com'],
    ['https://inspector.example.com:8443', 'https://inspector.example.com:8443'],
    ['https://inspector.example.com:443/', 'https://inspector.example.com'],
    ['http://127.0.0.1:9000', 'http://127.0.0.1:9000'],
    ['http://localhost:9000/', 'http://localhost:9000'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('takes %s as the origin %s', (text, origin) => {
    expect(publicOrigin(text)).toBe(origin);
  });

  it.each([
    ['http://inspector.example.com', /must be https/],
    ['http://10.0.0.5:8080', /must be https/],
    ['http://127.0.0.1.evil.example', /must be https/],
    ['https://inspector.example.com/inspector', /origin only/],
    ['https://inspector.example.com/?a=1', /origin only/],
    ['https://inspector.example.com/#top', /origin only/],
    ['https://user:pw@inspector.example.com', /user name or password/],
    ['ftp://inspector.example.com', /not an http/],
    ['inspector.example.com', /not a URL/],
    ['', /not a URL/],
  ])('refuses %s', (text, reason) => {
    expect(() => publicOrigin(text)).toThrow(reason);
  });
});
