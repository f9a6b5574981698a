import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it, type TestContext } from 'vitest';
import { ownCluster, usePostgres } from '../support/postgres';
import { waitFor } from '../support/wait';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// The built CLI as a team server: replicas (`serve --database …`) on one PostgreSQL.

const chromiumPath = findChromium();

/**
 * A replica of the team server, stopped after the test. The first on a
 * database prints the admin's token; later ones are given it.
 */
async function replica(
  ctx: TestContext,
  url: string,
  keyFile: string,
  token?: string,
): Promise<ServeProcess> {
  const data = tempDataDir();
  const server = await startServe(
    data.dir,
    ['--database', url, '--secret-key-file', keyFile],
    token === undefined ? {} : { token },
  );
  ctx.onTestFinished(async () => {
    await server.stop();
    data.remove();
  });
  return server;
}

function keyFileFor(ctx: TestContext): string {
  const dir = tempDataDir();
  ctx.onTestFinished(() => dir.remove());
  return join(dir.dir, 'team.key');
}

interface Listed {
  items: Array<{ id: number; updateId: number | null; problem: string | null; duplicateOf: number | null }>;
}

async function allUpdateIds(server: ServeProcess): Promise<Set<number>> {
  const ids = new Set<number>();
  let before: number | undefined;
  for (;;) {
    const page = await server.api<Listed>(
      'deliveries.list',
      before === undefined ? { limit: 1000 } : { limit: 1000, before },
    );
    for (const item of page.items) if (item.updateId !== null) ids.add(item.updateId);
    if (page.items.length < 1000) return ids;
    before = page.items.at(-1)?.id;
  }
}

describe('a team server of two replicas', () => {
  const pg = usePostgres();

  it('shows a delivery posted to replica A within a second in chromium connected to replica B', async (ctx) => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return ctx.skip(NO_BROWSER_MESSAGE);
    }
    const { url } = await pg.freshDatabase(ctx);
    const key = keyFileFor(ctx);
    const a = await replica(ctx, url, key);
    const b = await replica(ctx, url, key, a.token);
    const browser = await launchChromium(chromiumPath);
    ctx.onTestFinished(() => browser.close());
    const page = await browser.browser.newPage();
    await page.goto(b.browserUrl);
    await page.getByTestId('empty-state').waitFor({ timeout: 10_000 });
    const sent = Date.now();
    expect((await postDelivery(a.receiverUrl, solafonUpdate(4242, 'posted to replica A'))).status).toBe(200);
    await page
      .locator('[data-testid="delivery-row"]', { hasText: 'posted to replica A' })
      .waitFor({ timeout: 1000 });
    expect(Date.now() - sent).toBeLessThan(1000);
  });

  it('flags one update_id posted to both replicas at once as a duplicate exactly once', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const key = keyFileFor(ctx);
    const a = await replica(ctx, url, key);
    const b = await replica(ctx, url, key, a.token);
    for (let id = 1; id <= 10; id++) {
      const both = await Promise.all([
        postDelivery(a.receiverUrl, solafonUpdate(id, `race ${id}`)),
        postDelivery(b.receiverUrl, solafonUpdate(id, `race ${id}`)),
      ]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
    }
    const { items } = await a.api<Listed>('deliveries.list', { limit: 100 });
    expect(items).toHaveLength(20);
    for (let id = 1; id <= 10; id++) {
      const copies = items.filter((i) => i.updateId === id);
      expect(
        copies.filter((i) => i.problem === 'duplicate'),
        `update ${id}`,
      ).toHaveLength(1);
      expect(
        copies.filter((i) => i.problem === null),
        `update ${id}`,
      ).toHaveLength(1);
    }
  });

  it('loses no acknowledged delivery when replica A is killed (-9) in the middle of a burst', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const key = keyFileFor(ctx);
    const a = await replica(ctx, url, key);
    const b = await replica(ctx, url, key, a.token);
    const acknowledged = new Set<number>();
    let sending = true;
    const lane = async (n: number) => {
      for (let i = 0; sending && i < 2000; i++) {
        const updateId = n * 100_000 + i;
        try {
          const res = await request(`${a.receiverUrl}/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(solafonUpdate(updateId, `burst ${updateId}`)),
          });
          await res.body.dump();
          if (res.statusCode === 200) acknowledged.add(updateId);
        } catch {
          return; // A is gone: what it did not answer, it never promised.
        }
      }
    };
    const lanes = Array.from({ length: 8 }, (_, n) => lane(n + 1));
    await waitFor(() => acknowledged.size >= 300, { timeoutMs: 30_000, what: 'a burst to be under way' });
    await a.kill9();
    sending = false;
    await Promise.all(lanes);
    const stored = await allUpdateIds(b);
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
  });
});

describe('a team server whose database goes away', () => {
  it('answers 503 with Retry-After while PostgreSQL is stopped, and takes deliveries again once it is started, with no restart', async (ctx) => {
    const cluster = await ownCluster(ctx);
    const url = await cluster.database();
    const a = await replica(ctx, url, keyFileFor(ctx));
    expect((await postDelivery(a.receiverUrl, solafonUpdate(1, 'before'))).status).toBe(200);
    // A UI that was connected before the outage: its token was checked, so the replica can still
    // tell it the database is away (a token never seen cannot be checked then, and gets 503).
    expect(await a.api('app.status')).toMatchObject({ state: 'ok' });
    await cluster.pause();
    const refused = await request(`${a.receiverUrl}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(solafonUpdate(2, 'during')),
    });
    await refused.body.dump();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    await waitFor(async () => (await a.api<{ state: string }>('app.status')).state === 'unavailable', {
      what: 'the replica to report the database away',
    });
    const unseen = await fetch(`${a.uiBase}/api/app.status`, {
      method: 'POST',
      headers: { Authorization: `Bearer bwi_${'x'.repeat(43)}` },
      body: '{}',
    });
    expect(unseen.status).toBe(503);
    await cluster.resume();
    await waitFor(async () => (await postDelivery(a.receiverUrl, solafonUpdate(3, 'after'))).status === 200, {
      timeoutMs: 20_000,
      what: 'deliveries to be accepted again',
    });
    expect(a.child.exitCode).toBeNull();
    expect([...(await allUpdateIds(a))].sort()).toEqual([1, 3]);
  });
});
