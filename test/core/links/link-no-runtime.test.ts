import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

// The command workers cannot start (a broken build or install).
vi.mock('../../../src-main/core/commands/command-worker?modulePath', () => ({
  default: new URL('./no-such-command-worker.mjs', import.meta.url).pathname,
}));

let t: TestCore | undefined;
afterEach(async () => {
  await t?.dispose();
});

describe('signed links when commands cannot run', () => {
  it('records the hit as a command-error with the reason, answers 500, and logs why', async () => {
    t = await startTestCore();
    const svc = t.core.service;
    await svc['commands.save']({ name: 'any', body: `res.text('unreachable')` });
    const { url } = await svc['links.sign']({ command: 'any', userId: 42, params: [] });
    const res = await request(url);
    expect(res.statusCode).toBe(500);
    expect(await res.body.json()).toMatchObject({ error: 'command-error', reason: /could not start/ });
    const item = (await svc['deliveries.list']({ limit: 1 })).items[0];
    expect(item).toMatchObject({ problem: 'command-error', responseStatus: 500 });
    const detail = await svc['deliveries.get']({ id: item?.id ?? 0 });
    expect(detail.invocation).toMatchObject({ command: 'any', outcome: 'error', reason: /could not start/ });
    expect(t.logs.some((line) => line.startsWith('commands: a worker could not start'))).toBe(true);
  });
});
