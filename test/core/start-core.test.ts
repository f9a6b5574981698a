import { ContractError, type EventName } from '@contract';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../support/core';
import { httpRequest, postJson } from '../support/http';
import { solafonUpdate } from '../support/payloads';
import { tempDirFor, useCleanup } from '../support/temp-dir';

describe('startCore', () => {
  const cleanup = useCleanup();

  it('keeps history across a restart on the same data dir, with the same ids and bodies', async () => {
    const dataDir = tempDirFor(cleanup);
    const first = await startTestCore({ dataDir });
    cleanup(() => first.stop()); // stop() is idempotent
    const bodies = [1, 2, 3].map((n) => JSON.stringify(solafonUpdate(n, `message ${n}`)));
    for (const body of bodies) {
      expect((await postJson(`${first.core.receiverUrl}/webhook`, body)).status).toBe(200);
    }
    const before = await first.core.service['deliveries.list']({ limit: 200 });
    expect(before.total).toBe(3);
    await first.stop();

    const second = await startTestCore({ dataDir });
    cleanup(() => second.stop());
    const after = await second.core.service['deliveries.list']({ limit: 200 });
    expect(after).toEqual(before);
    for (const [i, item] of [...after.items].reverse().entries()) {
      const detail = await second.core.service['deliveries.get']({ id: item.id });
      expect(detail.body.text).toBe(bodies[i]);
    }

    // Duplicate detection sees what was stored before the restart.
    expect((await postJson(`${second.core.receiverUrl}/webhook`, bodies[1] as string)).status).toBe(200);
    const [latest] = (await second.core.service['deliveries.list']({ limit: 1 })).items;
    const firstCopy = after.items.find((i) => i.updateId === 2);
    expect(latest).toMatchObject({ updateId: 2, problem: 'duplicate', duplicateOf: firstCopy?.id });
    expect(latest?.id).toBeGreaterThan(Math.max(...after.items.map((i) => i.id)));
  });

  it('keeps created inboxes across a restart', async () => {
    const dataDir = tempDirFor(cleanup);
    const first = await startTestCore({ dataDir });
    cleanup(() => first.stop());
    await first.core.service['inboxes.create']({ name: 'shop' });
    await first.stop();
    const second = await startTestCore({ dataDir });
    cleanup(() => second.stop());
    expect((await postJson(`${second.core.receiverUrl}/webhook/shop`, solafonUpdate(1))).status).toBe(200);
  });

  it('describes itself in app.info', async () => {
    const tc = await startTestCore({ maxBodyBytes: 4096, durability: 'normal', version: '9.9.9' });
    cleanup(() => tc.dispose());
    expect(await tc.core.service['app.info']({})).toEqual({
      version: '9.9.9',
      receiverUrl: tc.core.receiverUrl,
      dataDir: tc.dataDir,
      maxBodyBytes: 4096,
      durability: 'normal',
      defaultInbox: 'default',
    });
    expect(tc.core.receiverUrl).toBe(`http://127.0.0.1:${tc.core.receiverPort}`);
    expect(tc.core.receiverPort).toBeGreaterThan(0);
  });

  it('creates inboxes: lists them with their URL, emits inboxes.changed, refuses a second one of a name', async () => {
    const tc = await startTestCore();
    cleanup(() => tc.dispose());
    const seen: EventName[] = [];
    cleanup(tc.core.subscribe((name) => seen.push(name)));

    const shop = await tc.core.service['inboxes.create']({ name: 'shop' });
    expect(shop).toMatchObject({
      name: 'shop',
      deliveryCount: 0,
      url: `${tc.core.receiverUrl}/webhook/shop`,
    });
    expect(seen).toEqual(['inboxes.changed']);

    const { items } = await tc.core.service['inboxes.list']({});
    expect(items.map((i) => [i.name, i.url])).toEqual([
      ['default', `${tc.core.receiverUrl}/webhook`],
      ['shop', `${tc.core.receiverUrl}/webhook/shop`],
    ]);

    let error: unknown;
    try {
      await tc.core.service['inboxes.create']({ name: 'shop' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('conflict');
  });

  it('throws not-found for a delivery that does not exist', async () => {
    const tc = await startTestCore();
    cleanup(() => tc.dispose());
    let error: unknown;
    try {
      await tc.core.service['deliveries.get']({ id: 12345 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('not-found');
  });

  it('stops cleanly: the receiver port is closed and stop() can be called twice', async () => {
    const tc = await startTestCore();
    cleanup(() => tc.dispose());
    const url = tc.core.receiverUrl;
    expect((await httpRequest(`${url}/`)).status).toBe(200);
    await tc.core.stop();
    await tc.core.stop();
    await expect(httpRequest(`${url}/`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('fails to start on a port already in use, and releases the database', async () => {
    const a = await startTestCore();
    cleanup(() => a.dispose());
    const dataDir = tempDirFor(cleanup);
    await expect(startTestCore({ dataDir, receiverPort: a.core.receiverPort })).rejects.toThrow(/EADDRINUSE/);
    // The database was closed on the way out: the same dir starts fine afterwards.
    const b = await startTestCore({ dataDir });
    cleanup(() => b.stop());
    expect((await b.core.service['deliveries.list']({ limit: 200 })).total).toBe(0);
  });
});
