import { join } from 'node:path';
import type { DeliveryListItem, StoreStatus } from '@contract';
import { request } from 'undici';
import { describe, expect, it, type TestContext } from 'vitest';
import { EventHub } from '../../../src-main/core/events';
import { keyFileBoxAt } from '../../../src-main/core/secrets/key-file-box';
import { StoreHealth } from '../../../src-main/core/store/health';
import { openTeamState } from '../../../src-main/core/store/pg/team-state';
import { startTestCore, type TestCore } from '../../support/core';
import { ownCluster, usePostgres } from '../../support/postgres';
import { makeTempDir, removeDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

// Two replicas (two cores, as two `serve --database` processes would be) on one database.

async function post(core: TestCore, body: unknown, path = '/webhook') {
  const res = await request(`${core.core.receiverUrl}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  await res.body.dump();
  return res;
}

const update = (updateId: number, text = `hello ${updateId}`) => ({
  update_id: updateId,
  message_id: updateId,
  from: { id: 42, name: 'Ada' },
  chat: { id: 42, type: 'private' },
  date: 1,
  text,
});

async function replicas(ctx: TestContext, url: string, count = 2): Promise<TestCore[]> {
  const keyDir = makeTempDir('bwi-team-key-');
  ctx.onTestFinished(() => removeDir(keyDir));
  const cores: TestCore[] = [];
  ctx.onTestFinished(async () => {
    for (const c of cores) await c.dispose();
  });
  for (let i = 0; i < count; i++) {
    cores.push(
      await startTestCore({
        database: url,
        secretKeyFile: join(keyDir, 'team.key'),
        forwardRetryMs: [50, 50],
      }),
    );
  }
  return cores;
}

function added(core: TestCore): DeliveryListItem[] {
  const seen: DeliveryListItem[] = [];
  core.core.subscribe((name, payload) => {
    if (name === 'delivery.added') seen.push(...(payload as { items: DeliveryListItem[] }).items);
  });
  return seen;
}

describe('replicas on one PostgreSQL database', () => {
  const pg = usePostgres();

  it('push a delivery received by one to the UI clients of the other, within a second', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const [a, b] = (await replicas(ctx, url)) as [TestCore, TestCore];
    const onB = added(b);
    expect((await post(a, update(1))).statusCode).toBe(200);
    const started = Date.now();
    const item = await waitFor(() => onB.find((i) => i.updateId === 1), {
      timeoutMs: 1000,
      what: 'the relay',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(item.summary.text).toBe('hello 1');
    // Pushed once, and both see the same list.
    expect(onB.filter((i) => i.updateId === 1)).toHaveLength(1);
    const listB = await b.core.service['deliveries.list']({ limit: 10 });
    expect(listB.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('report the shared database’s size and deliveries in the storage line, not the local file’s', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const [a, b] = (await replicas(ctx, url)) as [TestCore, TestCore];
    await post(a, update(1));
    const storage = await b.core.service['app.storage']({});
    expect(storage.deliveries).toBe(1);
    // An empty PostgreSQL database is several MB; the replica's local SQLite (the sandbox's) is far less.
    expect(storage.databaseBytes).toBeGreaterThan(4_000_000);
    expect(storage.walBytes).toBe(0);
  });

  it('share inboxes: one created on A is accepted by B at once, and B tells its clients', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const [a, b] = (await replicas(ctx, url)) as [TestCore, TestCore];
    let changed = 0;
    b.core.subscribe((name) => {
      if (name === 'inboxes.changed') changed += 1;
    });
    expect((await post(b, update(1), '/webhook/shop')).statusCode).toBe(404);
    await a.core.service['inboxes.create']({ name: 'shop' });
    await waitFor(() => changed > 0, { what: 'B to hear of the inbox' });
    expect((await post(b, update(2), '/webhook/shop')).statusCode).toBe(200);
    await expect(b.core.service['inboxes.create']({ name: 'shop' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('flag the same update_id sent to both at the same moment as a duplicate exactly once', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const [a, b] = (await replicas(ctx, url)) as [TestCore, TestCore];
    for (let round = 1; round <= 20; round++) {
      const answers = await Promise.all([post(a, update(round)), post(b, update(round))]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    }
    const { items } = await a.core.service['deliveries.list']({ limit: 100 });
    expect(items).toHaveLength(40);
    for (let round = 1; round <= 20; round++) {
      const copies = items.filter((i) => i.updateId === round);
      const firsts = copies.filter((i) => i.problem === null);
      const duplicates = copies.filter((i) => i.problem === 'duplicate');
      expect(firsts, `update ${round}`).toHaveLength(1);
      expect(duplicates, `update ${round}`).toHaveLength(1);
      expect(duplicates[0]?.duplicateOf).toBe(firsts[0]?.id);
    }
  });

  it('open each other’s sealed secrets through the shared key file', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const [a, b] = (await replicas(ctx, url)) as [TestCore, TestCore];
    const created = await a.core.service['profiles.create']({
      name: 'Prod bot',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      publicUrl: '',
      inbox: 'default',
      appId: null,
      token: '123456:secret-token',
    });
    // B makes the bot's signing key (sealed with the shared key file); A opens it to verify B's link.
    const { url: link } = await b.core.service['links.sign']({
      profileId: created.id,
      command: 'hello',
      userId: 42,
      params: [],
    });
    // The base is each replica's own receiver; the signature does not cover it.
    const onA = link.replace(b.core.receiverUrl, a.core.receiverUrl);
    expect(await a.core.service['links.verify']({ url: onA })).toMatchObject({ valid: true });
    const profiles = await b.core.service['profiles.list']({});
    expect(profiles.items.find((p) => p.id === created.id)?.hasToken).toBe(true);
  });

  it('keep a tap forward owed after the replica that took it stops: the retry is a row another replica sends', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const [a, b] = (await replicas(ctx, url)) as [TestCore, TestCore];
    // The bot answers 500 once, then 200: the retry must happen.
    let calls = 0;
    const { createServer } = await import('node:http');
    const bot = createServer((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 500 : 200).end('{}');
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    ctx.onTestFinished(() => new Promise<void>((resolve) => bot.close(() => resolve())));
    const target = `http://127.0.0.1:${(bot.address() as { port: number }).port}/hook`;
    await a.core.service['inboxes.configure']({ inbox: 'default', forwarding: { mode: 'tap', url: target } });
    await waitFor(
      async () => (await b.core.service['inboxes.settings']({ inbox: 'default' })).forwarding !== null,
      {
        what: 'B to hear of the forwarding',
      },
    );
    // A sends the first attempt (500) and stops; the retry it owed must be sent by B.
    const answer = await post(a, update(7));
    expect(answer.statusCode).toBe(200);
    await a.stop();
    const [stored] = (await b.core.service['deliveries.list']({ limit: 1 })).items;
    const attempts = await waitFor(
      async () => {
        const list = (await b.core.service['replay.attempts']({ deliveryId: stored?.id ?? 0 })).items;
        return list.some((x) => x.status === 200) && list;
      },
      { timeoutMs: 10_000, what: 'the forward to succeed' },
    );
    expect(attempts.map((x) => x.status).sort()).toEqual([200, 500]);
  });
});

describe('a replica whose database goes away', () => {
  it('answers 503 with Retry-After, says so to its clients, and takes deliveries again once it is back', async (ctx) => {
    const cluster = await ownCluster(ctx);
    const url = await cluster.database();
    const [a] = (await replicas(ctx, url, 1)) as [TestCore];
    const statuses: StoreStatus[] = [];
    a.core.subscribe((name, payload) => {
      if (name === 'store.status') statuses.push(payload as StoreStatus);
    });
    expect((await post(a, update(1))).statusCode).toBe(200);

    await cluster.pause();
    const refused = await post(a, update(2));
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    await waitFor(() => statuses.some((s) => s.state === 'unavailable'), {
      what: 'the store to be reported away',
    });
    expect(await a.core.service['app.status']({})).toMatchObject({
      engine: 'postgres',
      state: 'unavailable',
    });
    await expect(
      (async () => {
        const { dispatch } = await import('@contract/dispatch');
        const result = await dispatch(a.core.service, 'deliveries.list', {});
        if (!result.ok) throw result.error;
      })(),
    ).rejects.toMatchObject({ error: 'unavailable' });

    await cluster.resume();
    const accepted = await waitFor(
      async () => {
        const res = await post(a, update(3));
        return res.statusCode === 200 && res;
      },
      { timeoutMs: 15_000, what: 'deliveries to be accepted again' },
    );
    expect(accepted.statusCode).toBe(200);
    await waitFor(() => statuses.at(-1)?.state === 'ok', { what: 'the store to be reported back' });
    const { items } = await a.core.service['deliveries.list']({ limit: 10 });
    expect(items.map((i) => i.updateId).sort()).toEqual([1, 3]);
  }, 60_000);
});

describe('chores shared by replicas', () => {
  const pg = usePostgres();

  it('run on one replica at a time: another asking meanwhile is told no, and may run it after', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const keyDir = makeTempDir('bwi-team-key-');
    ctx.onTestFinished(() => removeDir(keyDir));
    const open = (origin: string) =>
      openTeamState({
        url,
        origin,
        box: keyFileBoxAt(join(keyDir, 'team.key')),
        events: new EventHub(),
        health: new StoreHealth('postgres', () => undefined),
        log: () => undefined,
      });
    const a = await open('a');
    const b = await open('b');
    ctx.onTestFinished(async () => {
      await a.close();
      await b.close();
    });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = false;
    const first = a.exclusive('retention', async () => {
      entered = true;
      await held;
    });
    await waitFor(() => entered, { what: 'A to hold the chore' });
    let ranOnB = false;
    expect(
      await b.exclusive('retention', async () => {
        ranOnB = true;
      }),
    ).toBe(false);
    expect(ranOnB).toBe(false);
    // Another chore is not held up by this one.
    expect(await b.exclusive('other', async () => undefined)).toBe(true);
    release();
    expect(await first).toBe(true);
    expect(await b.exclusive('retention', async () => undefined)).toBe(true);
  });
});
