import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedFrameUrl } from '../../src-main/desktop/trusted-sender';

describe('isTrustedFrameUrl', () => {
  const app = 'file:///app/out/renderer/index.html';

  it('trusts exactly the app file', () => {
    expect(isTrustedFrameUrl(app, app)).toBe(true);
    expect(isTrustedFrameUrl('file:///app/out/renderer/index.html?x=1#/a', app)).toBe(true);
    expect(isTrustedFrameUrl('file:///app/out/renderer/index.htm', app)).toBe(false);
    expect(isTrustedFrameUrl('file:///app/out/renderer/index.html/../../evil.html', app)).toBe(false);
    expect(isTrustedFrameUrl('file:///app/out/renderer/', app)).toBe(false);
    expect(isTrustedFrameUrl('http://app/out/renderer/index.html', app)).toBe(false);
    expect(isTrustedFrameUrl(undefined, app)).toBe(false);
    expect(isTrustedFrameUrl('', app)).toBe(false);
  });

  it('refuses the app path on another host (a file on a network share)', () => {
    expect(isTrustedFrameUrl('file://evil-share/app/out/renderer/index.html', app)).toBe(false);
  });

  it('compares origins exactly for an http app page (the dev server)', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedFrameUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/deep/page?x=1', dev)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedFrameUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://evil.example/http://localhost:5173/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5173@evil.example/', dev)).toBe(false);
  });

  it('trusts nothing when the app page URL does not parse', () => {
    expect(isTrustedFrameUrl('file:///x', 'not a url')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts only https links', () => {
    expect(isSafeExternalUrl('https://api.solafon.com/api/v1')).toBe(true);
    expect(isSafeExternalUrl('https://core.telegram.org/bots/api')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'smb://share/x',
      'HTTPS//missing-colon',
      '',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});

describe('isSafeExternalUrl with our receiver', () => {
  const receiver = 'http://127.0.0.1:8787';
  it('lets a link to exactly our receiver out', () => {
    expect(isSafeExternalUrl('http://127.0.0.1:8787/ownlang/webhook/1?sig=a.b&user=42', receiver)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8788/',
    'http://localhost:8787/',
    'http://127.0.0.1:8787.evil.example/',
    'http://user:pass@127.0.0.1:8787/',
    'http://127.0.0.2:8787/',
    'ftp://127.0.0.1:8787/',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url, receiver)).toBe(false);
  });

  it('refuses plain http when no receiver is known', () => {
    expect(isSafeExternalUrl('http://127.0.0.1:8787/')).toBe(false);
  });
});
