import { join } from 'node:path';
import type { AuditEntry, DeliveryDetail, SandboxInfo } from '@contract';
import { describe, expect, it, type TestContext } from 'vitest';
import { type HttpResponse, httpRequest, postJson } from '../support/http';
import { solafonUpdate } from '../support/payloads';
import { usePostgres } from '../support/postgres';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { waitFor } from '../support/wait';

// What a team server writes to its audit log, and what its viewers see.

describe('a team server’s audit log and viewers', () => {
  const pg = usePostgres();

  async function team(ctx: TestContext) {
    const { url } = await pg.freshDatabase(ctx);
    const keyDir = makeTempDir('bwi-team-key-');
    const server = await startTeamServer(url, join(keyDir, 'team.key'));
    ctx.onTestFinished(async () => {
      await server.stop();
      removeDir(keyDir);
    });
    const admin = server.served.adminToken;
    if (admin === null) throw new Error('no first admin was made');
    const olga = await server.addPerson(admin, 'Olga', 'operator');
    const vera = await server.addPerson(admin, 'Vera', 'viewer');
    return { server, admin, olga, vera };
  }

  const ok = (res: HttpResponse) => {
    expect(res.status, res.text).toBe(200);
    return res;
  };

  const entries = async (server: TeamServer, admin: string, filter: Record<string, unknown> = {}) =>
    (await server.api(admin, 'audit.list', filter)).json<{ items: AuditEntry[]; total: number }>();

  it('records each state change with who made it and what it acted on, refusals as errors, and reads not at all', async (ctx) => {
    const { server, admin, olga, vera } = await team(ctx);
    ok(await server.api(admin, 'inboxes.create', { name: 'shop' }));
    ok(await server.api(olga.token, 'links.sign', { command: 'hello', userId: 7 }));
    expect((await server.api(olga.token, 'inboxes.create', { name: 'mine' })).status).toBe(403);
    expect((await server.api(admin, 'inboxes.create', { name: 'shop' })).status).toBe(409);
    ok(await server.api(vera.token, 'deliveries.list', {}));
    ok(await server.api(vera.token, 'inboxes.list', {}));

    const { items, total } = await entries(server, admin);
    // Newest first; the two people.add calls made in setting up come first in time.
    const seen = items.map((e) => [e.personName, e.role, e.method, e.target, e.outcome]);
    expect(seen.slice(0, 4)).toEqual([
      ['admin', 'admin', 'inboxes.create', 'inbox shop', 'error'],
      ['Olga', 'operator', 'inboxes.create', 'inbox mine', 'error'],
      ['Olga', 'operator', 'links.sign', 'command hello, user 7', 'ok'],
      ['admin', 'admin', 'inboxes.create', 'inbox shop', 'ok'],
    ]);
    expect(seen.slice(4)).toEqual([
      ['admin', 'admin', 'people.add', 'person "Vera"', 'ok'],
      ['admin', 'admin', 'people.add', 'person "Olga"', 'ok'],
    ]);
    expect(total).toBe(6);
    expect(items[0]?.error).toMatch(/^conflict: /);
    expect(items[1]).toMatchObject({
      personId: olga.person.id,
      error: expect.stringMatching(/^forbidden: "inboxes.create" needs the admin role/),
    });
    expect(items.every((e) => Math.abs(Date.parse(e.at) - Date.now()) < 60_000)).toBe(true);
  });

  it('narrows audit.list by person, method, outcome and time, and pages with a total', async (ctx) => {
    const { server, admin, olga } = await team(ctx);
    for (const name of ['a', 'b', 'c']) ok(await server.api(admin, 'inboxes.create', { name }));
    ok(await server.api(olga.token, 'links.sign', { command: 'hello', userId: 1 }));
    expect((await server.api(olga.token, 'people.list', {})).status).toBe(403);

    const byOlga = await entries(server, admin, { personId: olga.person.id });
    expect(byOlga.items.map((e) => e.method)).toEqual(['people.list', 'links.sign']);
    expect((await entries(server, admin, { method: 'inboxes.create' })).total).toBe(3);
    expect((await entries(server, admin, { outcome: 'error' })).items.map((e) => e.method)).toEqual([
      'people.list',
    ]);
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect((await entries(server, admin, { from: soon })).total).toBe(0);
    const before = await entries(server, admin, { method: 'inboxes.create', limit: 2 });
    expect(before.items.map((e) => e.target)).toEqual(['inbox c', 'inbox b']);
    const rest = await entries(server, admin, { method: 'inboxes.create', before: before.items[1]?.id });
    expect(rest.items.map((e) => e.target)).toEqual(['inbox a']);
    expect(rest.total).toBe(3);
  });

  it('offers no way to change the log: no method edits it, and exports are files', async (ctx) => {
    const { server, admin } = await team(ctx);
    for (const method of ['audit.delete', 'audit.update', 'audit.clear']) {
      expect((await server.api(admin, method, {})).status).toBe(404);
    }
    const { file } = ok(await server.api(admin, 'audit.export', { method: 'people.add' })).json<{
      file: string;
    }>();
    const download = ok(await httpRequest(`${server.ui}/downloads/${file}?token=${admin}`));
    const lines = download.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(lines.map((e) => e.target)).toEqual(['person "Olga"', 'person "Vera"']);
  });

  it('masks secrets for viewers — credential headers and query values, the sandbox token — and pushes them no secrets', async (ctx) => {
    const { server, olga, vera } = await team(ctx);
    const events = await server.openEvents(vera.token);
    const posted = await postJson(
      `${server.served.core.receiverUrl}/webhook?token=q-secret&page=2`,
      solafonUpdate(1, 'hello'),
      { 'X-Telegram-Bot-Api-Secret-Token': 'h-secret', Authorization: 'Bearer a-secret' },
    );
    expect(posted.status).toBe(200);
    await waitFor(() => events.messages.some((m) => m.name === 'delivery.added'), {
      what: 'the viewer’s socket to get the delivery',
    });
    expect(JSON.stringify(events.messages)).not.toMatch(/secret/);
    events.ws.terminate();

    const { items } = ok(await server.api(vera.token, 'deliveries.list', {})).json<{
      items: Array<{ id: number }>;
    }>();
    const id = items[0]?.id;
    const asViewer = ok(await server.api(vera.token, 'deliveries.get', { id })).json<DeliveryDetail>();
    expect(JSON.stringify(asViewer)).not.toMatch(/[qha]-secret/);
    expect(asViewer.query).toBe('token=***&page=2');
    expect(asViewer.headers).toContainEqual(['X-Telegram-Bot-Api-Secret-Token', '***']);
    expect(asViewer.body.text).toContain('hello');
    const asOperator = ok(await server.api(olga.token, 'deliveries.get', { id })).json<DeliveryDetail>();
    expect(asOperator.headers).toContainEqual(['X-Telegram-Bot-Api-Secret-Token', 'h-secret']);

    expect(ok(await server.api(vera.token, 'sandbox.info', {})).json<SandboxInfo>().token).toBe('***');
    expect(ok(await server.api(olga.token, 'sandbox.info', {})).json<SandboxInfo>().token).toBe(
      server.served.core.sandboxToken,
    );
  });
});
