import { RESERVED_PARAM_NAMES } from '@contract/link-rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../../../src-main/core/signer/checks';
import { signLink } from '../../../src-main/core/signer/sign';
import { splitLinkUrl, verifyLinkQuery } from '../../../src-main/core/signer/verify';
import { KAT_KEY, KAT_NOW } from './kat';

// "Changing them will invalidate the request": every single-character change,
// insertion and deletion anywhere in a signed link must be rejected.

const BASES = ['http://127.0.0.1:8787', 'https://bot.example.com'];
const keyFor = (kid: string) => (kid === KAT_KEY.kid ? KAT_KEY.secret : null);

function accepted(url: string): boolean {
  try {
    const { botId, rawQuery } = splitLinkUrl(url, BASES);
    verifyLinkQuery(botId, rawQuery, keyFor, KAT_NOW);
    return true;
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    return false;
  }
}

/** Printable ASCII and a few multi-byte characters: what a hand-edit or a bad copy produces. */
const ALPHABET = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 'é', '€', '\u00a0'];

const FIXED = [
  signLink(KAT_KEY, {
    baseUrl: BASES[0] as string,
    botId: 3,
    userId: 42,
    command: 'syncGameData',
    options: { level: 10 },
    params: { ref: 'profile', lang: 'en' },
    now: KAT_NOW,
  }),
  signLink(KAT_KEY, {
    baseUrl: BASES[1] as string,
    botId: 12,
    userId: 123,
    command: 'upgrade',
    options: { plan: 'pro' },
    params: { ref: 'upgrade' },
    redirect: 'https://example.com/done?x=1',
    expiresIn: 3600,
    now: KAT_NOW,
  }),
  signLink(KAT_KEY, { baseUrl: BASES[0] as string, botId: 1, userId: 7, command: 'a', now: KAT_NOW }),
];

describe('every single-character edit of a signed link is rejected', () => {
  for (const [n, url] of FIXED.entries()) {
    it(`exhaustively, link ${n + 1} (${url.length} chars)`, () => {
      expect(accepted(url)).toBe(true);
      const survivors: string[] = [];
      for (let i = 0; i <= url.length; i++) {
        if (i < url.length) {
          const deleted = url.slice(0, i) + url.slice(i + 1);
          if (accepted(deleted)) survivors.push(`delete ${i}`);
        }
        for (const c of ALPHABET) {
          const inserted = url.slice(0, i) + c + url.slice(i);
          if (accepted(inserted)) survivors.push(`insert ${JSON.stringify(c)} at ${i}`);
          if (i < url.length && c !== url[i]) {
            const changed = url.slice(0, i) + c + url.slice(i + 1);
            if (accepted(changed)) survivors.push(`change ${i} to ${JSON.stringify(c)}`);
          }
        }
      }
      expect(survivors).toEqual([]);
    });
  }

  const text = fc.string({ minLength: 1, maxLength: 12 });
  const linkArb = fc.record({
    base: fc.constantFrom(...BASES),
    botId: fc.integer({ min: 1, max: 1_000_000 }),
    userId: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.stringMatching(/^[a-z0-9_]{1,10}$/)),
    command: text.filter((s) => s.trim() !== ''),
    options: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    params: fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => !RESERVED_PARAM_NAMES.includes(k)),
      fc.string({ maxLength: 10 }),
      { maxKeys: 4 },
    ),
    expiresIn: fc.option(fc.integer({ min: 60, max: 86_400 }), { nil: undefined }),
  });

  it('at random, on many links', () => {
    fc.assert(
      fc.property(
        linkArb,
        fc.nat(),
        fc.constantFrom(...ALPHABET),
        fc.constantFrom('delete', 'insert', 'change'),
        (l, at, c, op) => {
          const url = signLink(KAT_KEY, {
            baseUrl: l.base,
            botId: l.botId,
            userId: l.userId,
            command: l.command,
            options: l.options,
            params: l.params,
            expiresIn: l.expiresIn ?? null,
            now: KAT_NOW,
          });
          expect(accepted(url)).toBe(true);
          const i = at % (url.length + 1);
          const edited =
            op === 'delete'
              ? url.slice(0, i) + url.slice(i + 1)
              : op === 'insert'
                ? url.slice(0, i) + c + url.slice(i)
                : url.slice(0, i) + c + url.slice(i + 1);
          fc.pre(edited !== url);
          expect(accepted(edited)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never accepts a link re-addressed to another user', () => {
    fc.assert(
      fc.property(linkArb, fc.integer({ min: 1, max: 1e9 }), (l, other) => {
        const url = signLink(KAT_KEY, {
          baseUrl: l.base,
          botId: l.botId,
          userId: 5,
          command: l.command,
          params: l.params,
          now: KAT_NOW,
        });
        fc.pre(other !== 5);
        expect(accepted(url.replace('&user=5', `&user=${other}`))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
