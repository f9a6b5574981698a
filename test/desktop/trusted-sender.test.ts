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
