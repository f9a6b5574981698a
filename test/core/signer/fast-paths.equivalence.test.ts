import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalString, encodeComponent, type LinkFields } from '../../../src-main/core/signer/canonical';
import { LinkError } from '../../../src-main/core/signer/checks';
import { parseLinkQuery } from '../../../src-main/core/signer/query';
import { type SignInput, signLink } from '../../../src-main/core/signer/sign';
import { verifyLinkQuery } from '../../../src-main/core/signer/verify';
import { KAT_KEY, KAT_NOW } from './kat';
import * as oracle from './reference-signer';

// Issue 11 rewrote the signer's hot paths for speed. Behaviour must not move:
// on random input, the current signer and the one before (kept verbatim in
// reference-signer.ts) give the same text, the same parse, the same verified
// link, or the same error (check and message).

type Outcome = { ok: unknown } | { error: { type: string; check?: string; message: string } };

function outcome(run: () => unknown): Outcome {
  try {
    // Through JSON as well, so the key order of results is compared too.
    const value = run();
    return { ok: [value, JSON.stringify(value)] };
  } catch (error) {
    if (error instanceof LinkError) {
      return { error: { type: 'LinkError', check: error.check, message: error.message } };
    }
    const e = error as Error;
    return { error: { type: e.constructor.name, message: e.message } };
  }
}

const keyFor = (kid: string) => (kid === KAT_KEY.kid ? KAT_KEY.secret : null);
const OTHER_KEY = { kid: 'k0000beef', secret: Buffer.alloc(32, 9) };

/** Text with what links carry: ASCII, characters that need escaping, multi-byte and astral ones. */
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.stringMatching(/^[a-z0-9_]{0,8}$/),
    fc.constantFrom('', ' ', 'é', '€', '😀', 'a&b=c d/é', '%', '+', '[]', '\u00a0'),
  );

/** Param names: ordinary ones, reserved ones, array-style ones, shared names (duplicates, sort ties). */
const paramName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'ref', 'lang', 'A', 'Z', 'é', 'a b') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('command', 'sig', 'bot', 'kid', 'v', 'expires', 'tags[]', 'x[', ''),
  },
  { weight: 1, arbitrary: text(6) },
);

describe('the fast signer behaves exactly like the one before', () => {
  it('writes the same canonical text for any fields', () => {
    const fields = fc.record({
      botId: text(8),
      kid: text(10),
      command: text(12),
      options: fc.option(text(16), { nil: null }),
      user: text(10),
      params: fc.array(fc.tuple(paramName, text(10)), { maxLength: 12 }),
      redirect: fc.option(text(16), { nil: null }),
      expires: fc.option(text(12), { nil: null }),
    });
    fc.assert(
      fc.property(fields, (f: LinkFields) => {
        expect(canonicalString(f)).toBe(oracle.canonicalString(f));
      }),
      { numRuns: 5000 },
    );
  });

  it('encodes any text exactly as encodeURIComponent does, lone surrogates included', () => {
    fc.assert(
      fc.property(text(20), (value) => {
        expect(outcome(() => encodeComponent(value))).toEqual(outcome(() => encodeURIComponent(value)));
      }),
      { numRuns: 5000 },
    );
  });

  it('signs any input to the same link, or refuses it the same way', () => {
    const paramValue = fc.oneof(
      { weight: 6, arbitrary: text(10) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(0, -1.5, 1e21, true, null, undefined, ['a'], { a: 1 }, 10n),
      },
    );
    const params = fc.oneof(
      fc.array(fc.tuple(paramName, paramValue), { maxLength: 12 }),
      fc.dictionary(paramName, paramValue, { maxKeys: 12 }),
      fc.constantFrom(undefined, {}, []),
    );
    const input = fc.record(
      {
        baseUrl: fc.constantFrom(
          'http://127.0.0.1:8787',
          'https://bot.example.com/',
          'https://bot.example.com///',
          'https://x.example/base/',
          '',
        ),
        botId: fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(0, -3, 1.5)),
        userId: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), text(10)),
        command: text(12),
        options: fc.option(
          fc.oneof(
            fc.jsonValue({ maxDepth: 2 }),
            fc.constantFrom<unknown>(() => 1),
          ),
          {
            nil: undefined,
          },
        ),
        params,
        redirect: fc.option(
          fc.constantFrom(
            'https://example.com/done?x=1&y=é',
            'http://example.com',
            '/relative',
            'HTTPS://A.B',
            '',
          ),
          { nil: undefined },
        ),
        expiresIn: fc.option(
          fc.oneof(fc.integer({ min: 1, max: 86_400 }), fc.constantFrom(0, -5, 1.5, 1e21)),
          {
            nil: undefined,
          },
        ),
        now: fc.constantFrom(KAT_NOW, KAT_NOW + 1234),
      },
      { requiredKeys: ['baseUrl', 'botId', 'userId', 'command', 'now'] },
    );
    fc.assert(
      fc.property(input, fc.boolean(), (raw, otherKey) => {
        const key = otherKey ? OTHER_KEY : KAT_KEY;
        const signInput = raw as unknown as SignInput;
        expect(outcome(() => signLink(key, signInput))).toEqual(
          outcome(() => oracle.signLink(key, signInput)),
        );
      }),
      { numRuns: 5000 },
    );
  });

  /** Query pieces: the link's own names, params, encodings right and wrong, separators in odd places. */
  const queryPiece = fc.oneof(
    fc.constantFrom(
      'command',
      'options',
      'sig',
      'user',
      'redirect',
      'expires',
      'bot',
      'kid',
      'v',
      'ref',
      'a',
      // Near-misses of the link's own names: same length, same first letter, or percent-encoded.
      '%63ommand',
      'comman%64',
      'commanD',
      'cxxxxxx',
      'oxxxxxx',
      'exxxxxx',
      'sog',
      'usar',
      'redirecx',
      'sig%5B%5D',
      'a%5B%5D',
      'a[]',
      '%61',
      'caf%C3%A9',
      'caf%c3%a9',
      '%E2%82%AC',
      '%ZZ',
      '%',
      '%C3',
      'hello',
      '42',
      '0',
      '1767225600',
      '01767225600',
      '%7B%22level%22%3A10%7D',
      '%7b%22level%22%3A10%7D',
      '{"level":10}',
      'https%3A%2F%2Fexample.com',
      'a+b',
      'a%20b',
      `${KAT_KEY.kid}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      `${KAT_KEY.kid}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB`,
      '',
    ),
    fc.stringMatching(/^[a-z0-9%=&]{0,6}$/),
  );
  const query = fc
    .tuple(
      // Often the required fields first, so the checks after them (expiry, reserved names) are reached.
      fc.constantFrom('', 'command=hello&sig=k0000c0de.x&user=42&', 'user=1&command=a&sig=b&'),
      fc.array(fc.tuple(queryPiece, fc.constantFrom('=', '==', ''), queryPiece), { maxLength: 14 }),
      fc.constantFrom('&', '&&', ''),
    )
    .map(
      ([head, pairs, sep]) =>
        head + pairs.map(([k, eq, v]) => `${k}${eq}${v}`).join(pairs.length % 5 === 4 ? sep : '&'),
    );

  it('parses any query to the same fields, or refuses it with the same check and message', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(outcome(() => parseLinkQuery(q))).toEqual(outcome(() => oracle.parseLinkQuery(q)));
      }),
      { numRuns: 10_000 },
    );
    // Many params: past the point where duplicates are looked up in a Set, each one repeated in turn.
    const many = Array.from({ length: 40 }, (_, i) => `p${i}=${i}`);
    const long = [
      `command=a&sig=s&user=u&${many.join('&')}`,
      `command=a&sig=s&user=u&${many.join('&')}&bot=1`,
      ...many.map((_, i) => `command=a&sig=s&user=u&${many.join('&')}&p${i}=again`),
    ];
    for (const q of long) {
      expect(outcome(() => parseLinkQuery(q))).toEqual(outcome(() => oracle.parseLinkQuery(q)));
    }
  });

  it('verifies signed links, and edits of them, exactly as before', () => {
    const signed = fc.record({
      botId: fc.integer({ min: 1, max: 1e6 }),
      userId: fc.oneof(
        fc.integer({ min: -1e12, max: 1e12 }),
        text(8).filter((s) => s.trim() !== ''),
      ),
      command: text(10).filter((s) => s.trim() !== ''),
      options: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
      params: fc.dictionary(
        fc
          .stringMatching(/^[a-z][a-z0-9_]{0,5}$/)
          .filter((k) => !['sig', 'user', 'bot', 'kid', 'v'].includes(k)),
        text(8),
        { maxKeys: 4 },
      ),
      redirect: fc.option(fc.constantFrom('https://example.com/done?x=1', 'https://é.example'), {
        nil: undefined,
      }),
      expiresIn: fc.option(fc.integer({ min: 1, max: 86_400 }), { nil: undefined }),
    });
    const edit = fc.tuple(
      fc.constantFrom('none', 'delete', 'insert', 'change', 'append'),
      fc.nat(),
      fc.constantFrom('a', 'z', 'G', '.', '%', '&', '=', '0', 'A', '[', 'é', '%41', '&a=1', '&v=1'),
    );
    fc.assert(
      fc.property(
        signed,
        edit,
        fc.constantFrom(KAT_NOW, KAT_NOW + 3_600_000, KAT_NOW + 100 * 86_400_000),
        fc.integer({ min: 1, max: 1e6 }),
        (l, [op, at, c], now, otherBot) => {
          const url = signLink(KAT_KEY, { baseUrl: 'http://127.0.0.1:8787', ...l, now: KAT_NOW });
          let q = url.slice(url.indexOf('?') + 1);
          const i = at % (q.length + 1);
          if (op === 'delete') q = q.slice(0, i) + q.slice(i + 1);
          if (op === 'insert') q = q.slice(0, i) + c + q.slice(i);
          if (op === 'change') q = q.slice(0, i) + c + q.slice(i + 1);
          if (op === 'append') q = `${q}&${c}`;
          const botId = at % 7 === 0 ? otherBot : l.botId;
          expect(outcome(() => verifyLinkQuery(botId, q, keyFor, now))).toEqual(
            outcome(() => oracle.verifyLinkQuery(botId, q, keyFor, now)),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
