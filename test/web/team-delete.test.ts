import { join } from 'node:path';
import type { AuditEntry } from '@contract';
import { describe, expect, it } from 'vitest';
import { type HttpResponse, postJson } from '../support/http';
import { solafonUpdate } from '../support/payloads';
import { usePostgres } from '../support/postgres';
import { startTeamServer } from '../support/team-server';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { waitFor } from '../support/wait';

// Deleting on a team server: who may, what the audit log says, and every
// replica's UIs dropping what went.

describe('deleting on a team server', () => {
  const pg = usePostgres();

  it('refuses viewers, lets operators delete deliveries and admins inboxes, audits each, and tells the other replica’s UIs', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const keyDir = makeTempDir('bwi-team-key-');
    const a = await startTeamServer(url, join(keyDir, 'team.key'));
    const b = await startTeamServer(url, join(keyDir, 'team.key'));
    ctx.onTestFinished(async () => {
      await a.stop();
      await b.stop();
      removeDir(keyDir);
    });
    const admin = a.served.adminToken;
    if (admin === null) throw new Error('no first admin was made');
    const olga = await a.addPerson(admin, 'Olga', 'operator');
    const vera = await a.addPerson(admin, 'Vera', 'viewer');
    const ok = (res: HttpResponse) => {
      expect(res.status, res.text).toBe(200);
      return res;
    };

    ok(await a.api(admin, 'inboxes.create', { name: 'shop' }));
    for (const [i, path] of ['/webhook', '/webhook', '/webhook/shop'].entries()) {
      expect((await postJson(`${a.served.core.receiverUrl}${path}`, solafonUpdate(i + 1))).status).toBe(200);
    }
    const ids = (
      await ok(await a.api(vera.token, 'deliveries.list', { inbox: 'default' })).json<{
        items: Array<{ id: number }>;
      }>()
    ).items.map((d) => d.id);
    const watching = await b.openEvents(vera.token);

    // A viewer may count (the dry run), never delete.
    expect(ok(await a.api(vera.token, 'deliveries.countMatching', { filter: {} })).json()).toMatchObject({
      count: 3,
    });
    for (const [method, input] of [
      ['deliveries.delete', { deliveryIds: [ids[0]] }],
      ['deliveries.deleteMatching', { filter: {}, upToId: 99 }],
      ['inboxes.clear', { name: 'default' }],
      ['inboxes.delete', { name: 'shop' }],
    ] as const) {
      expect((await a.api(vera.token, method, input)).status, method).toBe(403);
    }
    // An operator deletes deliveries, not inboxes.
    expect(ok(await a.api(olga.token, 'deliveries.delete', { deliveryIds: [ids[0]] })).json()).toEqual({
      deleted: 1,
    });
    expect((await a.api(olga.token, 'inboxes.delete', { name: 'shop' })).status).toBe(403);
    expect(ok(await a.api(admin, 'inboxes.delete', { name: 'shop' })).json()).toEqual({ deleted: 1 });
    expect((await a.api(admin, 'inboxes.delete', { name: 'default' })).status).toBe(400);

    // The other replica's UI drops both.
    await waitFor(
      () =>
        watching.messages
          .filter((m) => m.name === 'deliveries.deleted')
          .flatMap((m) => (m.payload as { ids: number[] }).ids).length === 2,
      { what: 'deliveries.deleted on the other replica' },
    );
    expect(
      (await ok(await b.api(vera.token, 'inboxes.list', {})).json<{ items: unknown[] }>()).items,
    ).toHaveLength(1);
    expect((await ok(await b.api(vera.token, 'deliveries.list', {})).json<{ total: number }>()).total).toBe(
      1,
    );

    const { items } = await ok(await a.api(admin, 'audit.list', { limit: 20 })).json<{
      items: AuditEntry[];
    }>();
    const deletes = items
      .filter((e) => e.method.includes('delete') || e.method.includes('clear'))
      .map((e) => [e.personName, e.method, e.target, e.outcome]);
    expect(deletes).toEqual([
      ['admin', 'inboxes.delete', 'inbox default', 'error'],
      ['admin', 'inboxes.delete', 'inbox shop', 'ok'],
      ['Olga', 'inboxes.delete', 'inbox shop', 'error'],
      ['Olga', 'deliveries.delete', `delivery ${ids[0]}`, 'ok'],
      ['Vera', 'inboxes.delete', 'inbox shop', 'error'],
      ['Vera', 'inboxes.clear', 'inbox default', 'error'],
      ['Vera', 'deliveries.deleteMatching', 'deliveries matching a filter', 'error'],
      ['Vera', 'deliveries.delete', `delivery ${ids[0]}`, 'error'],
    ]);
  });
});
