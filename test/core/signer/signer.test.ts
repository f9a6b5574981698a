import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalString } from '../../../src-main/core/signer/canonical';
import { LinkError } from '../../../src-main/core/signer/checks';
import { signLink } from '../../../src-main/core/signer/sign';
import { splitLinkUrl, verifyLinkQuery } from '../../../src-main/core/signer/verify';
import { KAT_INPUTS, KAT_KEY, KAT_NOW, katUrl } from './kat';
import vectors from './vectors.json';

const BASE = 'http://127.0.0.1:8787';
const keyFor = (kid: string) => (kid === KAT_KEY.kid ? KAT_KEY.secret : null);

/** Verifies a whole URL the way the panel and the CLI do. */
function check(url: string, now = KAT_NOW) {
  const { botId, rawQuery } = splitLinkUrl(url, [BASE, 'https://prod-api.telebothost.com']);
  return verifyLinkQuery(botId, rawQuery, keyFor, now);
}

function failedCheck(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LinkError);
    return (error as LinkError).check;
  }
  throw new Error('expected the link to be rejected');
}

const link = (over: Partial<Parameters<typeof signLink>[1]> = {}) =>
  signLink(KAT_KEY, {
    baseUrl: BASE,
    botId: 3,
    userId: 42,
    command: 'syncGameData',
    options: { level: 10 },
    params: { ref: 'profile', lang: 'en' },
    now: KAT_NOW,
    ...over,
  });

describe('known-answer vectors', () => {
  it('reproduces every committed vector', () => {
    expect(KAT_INPUTS.map(({ name, input }) => ({ name, url: katUrl(input) }))).toEqual(vectors);
  });

  it('matches an independently written canonical form and HMAC for the seed example', () => {
    const canonical = [
      'bwi-link-v1',
      'bot=1:7',
      'kid=9:k0000c0de',
      'command=12:syncGameData',
      'options=12:{"level":10}',
      'user=3:123',
      'params=2',
      'param-name=4:lang',
      'param-value=2:en',
      'param-name=3:ref',
      'param-value=7:profile',
      'redirect!',
      'expires!',
    ].join('\n');
    expect(
      canonicalString({
        botId: '7',
        kid: 'k0000c0de',
        command: 'syncGameData',
        options: '{"level":10}',
        user: '123',
        params: [
          ['ref', 'profile'],
          ['lang', 'en'],
        ],
        redirect: null,
        expires: null,
      }),
    ).toBe(canonical);
    const sig = createHmac('sha256', KAT_KEY.secret).update(canonical).digest('base64url');
    expect(vectors[0]?.url).toContain(`sig=${KAT_KEY.kid}.${sig}&`);
  });

  it('verifies every vector', () => {
    for (const v of vectors) expect(() => check(v.url)).not.toThrow();
  });
});

describe('signing', () => {
  it('has the seed URL shape and carries exact values', () => {
    const url = link();
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:8787\/ownlang\/webhook\/3\?command=syncGameData&options=%7B%22level%22%3A10%7D&sig=k0000c0de\.[\w-]{43}&user=42&ref=profile&lang=en$/,
    );
    const verified = check(url);
    expect(verified).toMatchObject({ command: 'syncGameData', user: '42', optionsValue: { level: 10 } });
    expect(verified.params).toEqual([
      ['ref', 'profile'],
      ['lang', 'en'],
    ]);
  });

  it('refuses reserved, duplicate and array-valued params, and a non-https redirect, at generation', () => {
    for (const name of ['command', 'options', 'sig', 'user', 'redirect', 'expires']) {
      expect(failedCheck(() => link({ params: { [name]: 'x' } }))).toBe('reserved-parameter');
    }
    expect(
      failedCheck(() =>
        link({
          params: [
            ['a', '1'],
            ['a', '2'],
          ],
        }),
      ),
    ).toBe('duplicate-parameter');
    expect(failedCheck(() => link({ params: { tags: ['a', 'b'] } }))).toBe('array-parameter');
    expect(failedCheck(() => link({ params: { 'tags[]': 'a' } }))).toBe('array-parameter');
    expect(failedCheck(() => link({ redirect: 'http://example.com' }))).toBe('bad-redirect');
    expect(failedCheck(() => link({ redirect: '/relative' }))).toBe('bad-redirect');
  });
});

describe('verification names the failed check', () => {
  it('rejects a changed, added or removed parameter', () => {
    expect(failedCheck(() => check(link().replace('lang=en', 'lang=de')))).toBe('bad-signature');
    expect(failedCheck(() => check(`${link()}&extra=1`))).toBe('bad-signature');
    expect(failedCheck(() => check(link().replace('&lang=en', '')))).toBe('bad-signature');
    expect(failedCheck(() => check(link().replace(/&sig=[^&]+/, '')))).toBe('missing-field');
  });

  it('rejects the same link for another user', () => {
    expect(failedCheck(() => check(link().replace('user=42', 'user=43')))).toBe('bad-signature');
  });

  it('rejects duplicated and array-valued parameters in a link', () => {
    expect(failedCheck(() => check(`${link()}&ref=profile`))).toBe('duplicate-parameter');
    expect(failedCheck(() => check(`${link()}&user=42`))).toBe('duplicate-parameter');
    expect(failedCheck(() => check(`${link()}&ref%5B%5D=x`))).toBe('array-parameter');
  });

  it('rejects an expired link, and an expiry that was moved', () => {
    const url = link({ expiresIn: 60 });
    expect(() => check(url, KAT_NOW + 59_000)).not.toThrow();
    expect(failedCheck(() => check(url, KAT_NOW + 60_000))).toBe('expired');
    const expires = /expires=(\d+)/.exec(url)?.[1] ?? '';
    const moved = url.replace(`expires=${expires}`, `expires=${Number(expires) + 3600}`);
    expect(failedCheck(() => check(moved, KAT_NOW + 61_000))).toBe('bad-signature');
    expect(failedCheck(() => check(url.replace(/&expires=\d+/, ''), KAT_NOW + 61_000))).toBe('bad-signature');
  });

  it('rejects an unknown key and a non-canonical signature', () => {
    expect(failedCheck(() => check(link().replace('sig=k0000c0de.', 'sig=k0000beef.')))).toBe('unknown-key');
    const sig = /sig=k0000c0de\.([\w-]{43})/.exec(link())?.[1] ?? '';
    // The last base64url character carries 2 unused bits: flipping them keeps the bytes, not the encoding.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1) ?? 'A');
    const twin = `${sig.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
    expect(failedCheck(() => check(link().replace(sig, twin)))).toBe('bad-signature-format');
    expect(failedCheck(() => check(link().replace(sig, `${sig}%3D`)))).toBe('bad-signature-format');
  });

  it('rejects a non-canonical encoding of any value', () => {
    expect(failedCheck(() => check(link().replace('%7B', '%7b')))).toBe('non-canonical');
    expect(failedCheck(() => check(link().replace('command=syncGameData', 'command=sync%47ameData')))).toBe(
      'non-canonical',
    );
  });

  it('rejects another address, a fragment, or another bot', () => {
    expect(failedCheck(() => check(link().replace('127.0.0.1:8787', '127.0.0.1:08787')))).toBe(
      'wrong-address',
    );
    expect(failedCheck(() => check(link().replace('http://', 'HTTP://')))).toBe('wrong-address');
    expect(failedCheck(() => check(`${link()}#`))).toBe('wrong-address');
    expect(failedCheck(() => check(link().replace('/webhook/3?', '/webhook/4?')))).toBe('bad-signature');
  });
});
