import { join } from 'node:path';
import type { Whoami } from '@contract';
import { REVOKED_CLOSE_CODE } from '@contract';
import { describe, expect, it, type TestContext } from 'vitest';
import { WebSocket } from 'ws';
import { startBridge } from '../../src-main/web/bridge-server';
import { httpRequest, postJson } from '../support/http';
import { solafonUpdate } from '../support/payloads';
import { usePostgres } from '../support/postgres';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { waitFor } from '../support/wait';

// The web bridge of a team server: personal tokens instead of the per-run
// token, revocations that cut open sessions on every replica at once, and
// calls from other origins that carry a token in a header.

describe('the web bridge of a team server', () => {
  const pg = usePostgres();

  /** Replicas on one fresh database, sharing a key file; stopped after the test. */
  async function replicas(ctx: TestContext, count = 1): Promise<TeamServer[]> {
    const { url } = await pg.freshDatabase(ctx);
    const keyDir = makeTempDir('bwi-team-key-');
    const servers: TeamServer[] = [];
    ctx.onTestFinished(async () => {
      for (const s of servers) await s.stop();
      removeDir(keyDir);
    });
    for (let i = 0; i < count; i++) servers.push(await startTeamServer(url, join(keyDir, 'team.key')));
    return servers;
  }

  const adminOf = (server: TeamServer): string => {
    if (server.served.adminToken === null) throw new Error('no first admin was made');
    return server.served.adminToken;
  };

  it('takes personal tokens: the UI address carries none, the first admin is made once, whoami names the caller', async (ctx) => {
    const [a, b] = (await replicas(ctx, 2)) as [TeamServer, TeamServer];
    expect(a.served.token).toBeNull();
    expect(a.served.uiUrl).toBe(`${a.ui}/`);
    const admin = adminOf(a);
    expect(admin).toMatch(/^bwi_/);
    // The second replica finds someone there already.
    expect(b.served.adminToken).toBeNull();

    const whoami = await b.api(admin, 'app.whoami');
    expect(whoami.status).toBe(200);
    expect(whoami.json<Whoami>()).toMatchObject({ mode: 'team', person: { name: 'admin', role: 'admin' } });

    for (const token of [null, 'x', `${admin.slice(0, -1)}${admin.endsWith('A') ? 'B' : 'A'}`]) {
      const refused = await a.api(token, 'app.whoami');
      expect(refused.status).toBe(401);
      expect(refused.json()).toMatchObject({ error: 'unauthorized' });
    }
    await expect(a.openEvents('x')).rejects.toThrow(/401/);
  });

  it('cuts a revoked person’s open WebSocket at once, and answers their next call 401', async (ctx) => {
    const [server] = (await replicas(ctx)) as [TeamServer];
    const admin = adminOf(server);
    const vera = await server.addPerson(admin, 'Vera', 'viewer');
    const veraEvents = await server.openEvents(vera.token);
    const adminEvents = await server.openEvents(admin);

    const revoked = await server.api(admin, 'people.revoke', { id: vera.person.id });
    expect(revoked.status).toBe(200);
    const answered = Date.now();
    expect(await veraEvents.closed).toBe(REVOKED_CLOSE_CODE);
    expect(Date.now() - answered).toBeLessThan(1000);
    expect((await server.api(vera.token, 'deliveries.list')).status).toBe(401);
    await expect(server.openEvents(vera.token)).rejects.toThrow(/401/);

    // Everyone else's session goes on.
    expect((await postJson(`${server.served.core.receiverUrl}/webhook`, solafonUpdate(5))).status).toBe(200);
    await waitFor(() => adminEvents.messages.some((m) => m.name === 'delivery.added'), {
      what: 'the admin’s socket to get the delivery',
    });
    adminEvents.ws.terminate();
  });

  it('cuts the session on another replica at once when a person is revoked on one', async (ctx) => {
    const [a, b] = (await replicas(ctx, 2)) as [TeamServer, TeamServer];
    const admin = adminOf(a);
    const olga = await a.addPerson(admin, 'Olga', 'operator');
    const onB = await b.openEvents(olga.token);
    expect((await b.api(olga.token, 'app.whoami')).status).toBe(200);

    expect((await a.api(admin, 'people.revoke', { id: olga.person.id })).status).toBe(200);
    const answered = Date.now();
    // No wait for a notice to travel: B checks the database on every call.
    expect((await b.api(olga.token, 'app.whoami')).status).toBe(401);
    expect(await onB.closed).toBe(REVOKED_CLOSE_CODE);
    expect(Date.now() - answered).toBeLessThan(1000);
  });

  it('answers calls from another origin that carry a personal token in a header, with CORS', async (ctx) => {
    const [server] = (await replicas(ctx)) as [TeamServer];
    const admin = adminOf(server);
    for (const origin of ['http://localhost:5173', 'null']) {
      const preflight = await httpRequest(`${server.ui}/api/app.whoami`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

      const call = await server.api(admin, 'app.whoami', {}, { Origin: origin });
      expect(call.status).toBe(200);
      expect(call.headers['access-control-allow-origin']).toBe(origin);
      expect(call.headers.vary).toBe('Origin');

      // Without the header, another origin gets nothing, even with the token in the query.
      const bare = await server.api(null, 'app.whoami', {}, { Origin: origin });
      expect(bare.status).toBe(403);
      const download = await httpRequest(`${server.ui}/downloads/x.ndjson?token=${admin}`, {
        headers: { Origin: origin },
      });
      expect(download.status).toBe(403);

      const events = await server.openEvents(admin, origin);
      expect(events.ws.readyState).toBe(WebSocket.OPEN);
      events.ws.terminate();
    }
  });

  it('governs downloads and uploads by role: uploads are for admins, audit exports for admins only', async (ctx) => {
    const [server] = (await replicas(ctx)) as [TeamServer];
    const admin = adminOf(server);
    const vera = await server.addPerson(admin, 'Vera', 'viewer');
    const upload = (token: string) =>
      httpRequest(`${server.ui}/uploads?name=x.ndjson`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: '{}\n',
      });
    const refused = await upload(vera.token);
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({
      error: 'forbidden',
      message: expect.stringContaining('admin role'),
    });
    expect((await upload(admin)).status).toBe(200);

    const { file } = (await server.api(admin, 'audit.export', {})).json<{ file: string }>();
    const download = (token: string) => httpRequest(`${server.ui}/downloads/${file}?token=${token}`);
    expect((await download(vera.token)).status).toBe(403);
    const got = await download(admin);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/x-ndjson');
  });

  it('answers at the public hosts it is given besides loopback, and takes their pages as its own', async (ctx) => {
    const [server] = (await replicas(ctx)) as [TeamServer];
    const admin = adminOf(server);
    const gate = server.served.core.team;
    if (gate === null) throw new Error('a team server has a gate');
    const staticDir = makeTempDir('bwi-static-');
    ctx.onTestFinished(() => removeDir(staticDir));
    const behindProxy = await startBridge({
      service: server.served.core.service,
      subscribe: server.served.core.subscribe,
      team: gate,
      allowedHosts: ['Inspector.Example.com'],
      port: 0,
      staticDir,
      transferDir: server.served.core.transferDir,
      uploadRoom: server.served.core.uploadRoom,
      log: () => {},
    });
    ctx.onTestFinished(() => behindProxy.close());
    const whoami = (host: string, headers: Record<string, string> = {}) =>
      httpRequest(`${behindProxy.url}/api/app.whoami`, {
        method: 'POST',
        headers: { Host: host, Authorization: `Bearer ${admin}`, ...headers },
        body: '{}',
      });
    expect((await whoami('inspector.example.com')).status).toBe(200);
    expect((await whoami(`127.0.0.1:${behindProxy.port}`)).status).toBe(200);
    for (const host of ['evil.example', 'inspector.example.com.evil.example', 'user@inspector.example.com']) {
      expect((await whoami(host)).status, host).toBe(403);
    }
    // The served page at the public address uploads with the token in the query, as a browser does.
    const upload = await httpRequest(`${behindProxy.url}/uploads?name=x.ndjson&token=${admin}`, {
      method: 'POST',
      headers: { Host: 'inspector.example.com', Origin: 'https://inspector.example.com' },
      body: '{}\n',
    });
    expect(upload.status).toBe(200);
  });
});
