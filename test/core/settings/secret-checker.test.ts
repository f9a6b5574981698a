import { describe, expect, it } from 'vitest';
import { presentedSecret, SecretChecker } from '../../../src-main/core/settings/secret-check';

function checker(secrets: Map<number, string | null>, clock: { now: number }) {
  let reads = 0;
  const c = new SecretChecker({
    checkOf: (inbox) => (inbox === 'shop' ? { profileId: 1, reject: false } : null),
    secretOf: async (id) => {
      reads++;
      return secrets.get(id) ?? null;
    },
    refreshMs: 1000,
    now: () => clock.now,
    log: () => {},
  });
  return { c, reads: () => reads };
}

/** Headers as the receiver reads them, carrying this secret. */
const sent = (secret: string): Array<[string, string]> => [['X-Telegram-Bot-Api-Secret-Token', secret]];

describe('SecretChecker', () => {
  it('reads a profile’s secret once, then answers from memory until it is stale', async () => {
    const clock = { now: 0 };
    const secrets = new Map([[1, 's3cret']]);
    const { c, reads } = checker(secrets, clock);
    // An inbox that checks nothing is answered at once, without a promise.
    expect(c.verdict('other', [])).toBe('ok');
    expect(reads()).toBe(0);
    expect(await c.verdict('shop', sent('s3cret'))).toBe('ok');
    expect(await c.verdict('shop', sent('s3cre'))).toBe('flag');
    expect(await c.verdict('shop', [])).toBe('flag');
    expect(reads()).toBe(1);

    // Another replica changed the secret: seen after a refresh, the stale digest answering meanwhile.
    secrets.set(1, 'n3w');
    clock.now = 1500;
    expect(await c.verdict('shop', sent('s3cret'))).toBe('ok');
    expect(reads()).toBe(2);
    expect(await c.verdict('shop', sent('n3w'))).toBe('ok');
    expect(await c.verdict('shop', sent('s3cret'))).toBe('flag');

    // A change made here is seen at once.
    secrets.set(1, 'third');
    c.forget();
    expect(await c.verdict('shop', sent('third'))).toBe('ok');
  });

  it('checks nothing for a profile without a secret', async () => {
    const { c } = checker(new Map([[1, null]]), { now: 0 });
    expect(await c.verdict('shop', [])).toBe('ok');
    expect(await c.verdict('shop', sent('anything'))).toBe('ok');
  });

  it('finds the header whatever its case', () => {
    expect(presentedSecret([['X-Telegram-Bot-Api-Secret-Token', 'a']])).toBe('a');
    expect(presentedSecret([['content-type', 'x']])).toBeNull();
  });
});
