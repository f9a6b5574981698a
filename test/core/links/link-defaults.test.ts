import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';
import { call } from '../transfer/support';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});

const WEEK_S = 7 * 24 * 3600;

async function core(dataDir?: string) {
  const t = await startTestCore(dataDir === undefined ? {} : { dataDir });
  cores.push(t);
  return t;
}

const sign = (t: TestCore, input: Record<string, unknown> = {}) =>
  call<{ url: string; expiresAt: string | null }>(t, 'links.sign', {
    command: 'hello',
    userId: 42,
    ...input,
  });

const lifetime = (signed: { expiresAt: string | null }) =>
  signed.expiresAt === null ? null : Math.round((Date.parse(signed.expiresAt) - Date.now()) / 1000);

describe('the default expiry of new links', () => {
  it('is a week unless set: a link is not reusable forever by accident', async () => {
    const t = await core();
    expect(await call(t, 'links.defaults', {})).toEqual({ expiresIn: WEEK_S });
    const signed = await sign(t);
    expect(lifetime(signed)).toBeGreaterThan(WEEK_S - 5);
    expect(lifetime(signed)).toBeLessThanOrEqual(WEEK_S);
    expect(new URL(signed.url).searchParams.get('expires')).not.toBeNull();
  });

  it('can be set, is kept across restarts, and a link can still ask for no expiry or its own', async () => {
    const first = await core();
    expect(await call(first, 'links.setDefaults', { expiresIn: 3600 })).toEqual({ expiresIn: 3600 });
    await first.stop();
    const t = await core(first.dataDir);
    expect(await call(t, 'links.defaults', {})).toEqual({ expiresIn: 3600 });
    expect(lifetime(await sign(t))).toBeGreaterThan(3595);
    expect(lifetime(await sign(t, { expiresIn: 60 }))).toBeLessThanOrEqual(60);
    const never = await sign(t, { expiresIn: null });
    expect(never.expiresAt).toBeNull();
    expect(new URL(never.url).searchParams.get('expires')).toBeNull();

    await call(t, 'links.setDefaults', { expiresIn: null });
    expect((await sign(t)).expiresAt).toBeNull();
    await expect(call(t, 'links.setDefaults', { expiresIn: 0 })).rejects.toMatchObject({ code: 'bad-input' });
  });
});
