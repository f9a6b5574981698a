import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractError, type Whoami } from '@contract';
import { describe, expect, it } from 'vitest';
import { keyFileBox } from '../../../src-main/core/secrets/key-file-box';
import { openDatabase } from '../../../src-main/core/store/open-database';
import { workspaceMethods } from '../../../src-main/core/workspaces/methods';
import { WorkspaceStore } from '../../../src-main/core/workspaces/workspace-store';
import { tempDirFor, useCleanup } from '../../support/temp-dir';

const TOKEN = 'bwi_person_token_plaintext_0123456789';

const teamWhoami = (name = 'Ada', role: 'viewer' | 'operator' | 'admin' = 'operator'): Whoami => ({
  mode: 'team',
  person: { id: 7, name, role, createdAt: '2026-01-01T00:00:00.000Z', revokedAt: null },
});

interface Seen {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
}

describe('workspaces', () => {
  const cleanup = useCleanup();

  const open = () => {
    const dataDir = tempDirFor(cleanup);
    const db = openDatabase({ dataDir, durability: 'normal' });
    cleanup(() => db.close());
    const store = new WorkspaceStore(db, keyFileBox(dataDir));
    return { db, store, methods: workspaceMethods(store, { timeoutMs: 500 }) };
  };

  /** A stand-in for a team server on a free loopback port, answering as `answer` says. */
  const fakeServer = async (answer: (req: IncomingMessage, res: ServerResponse) => void) => {
    const seen: Seen[] = [];
    const server: Server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      req.resume();
      req.on('end', () => answer(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  };

  const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const refusal = async (promise: unknown) => {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      return error as ContractError;
    }
    throw new Error('expected a refusal');
  };

  it('asks the server who the token is, keeps the token sealed, lists without it, and opens with it', async () => {
    const { db, methods } = open();
    const server = await fakeServer(json(200, teamWhoami('Ada', 'operator')));

    const added = await methods['workspaces.add']({ name: 'Prod', url: `${server.url}/`, token: TOKEN });
    expect(added).toEqual({
      id: expect.any(Number),
      name: 'Prod',
      url: server.url,
      personName: 'Ada',
      role: 'operator',
    });
    expect(server.seen).toEqual([
      { method: 'POST', url: '/api/app.whoami', authorization: `Bearer ${TOKEN}` },
    ]);

    const row = db.prepare('SELECT token FROM workspaces WHERE id = ?').get(added.id) as { token: Buffer };
    expect(Buffer.isBuffer(row.token)).toBe(true);
    expect(row.token.includes(Buffer.from(TOKEN))).toBe(false);

    const listed = await methods['workspaces.list']({});
    expect(listed).toEqual({ items: [added] });
    expect(JSON.stringify(listed)).not.toContain(TOKEN);

    expect(await methods['workspaces.open']({ id: added.id })).toEqual({ url: server.url, token: TOKEN });
  });

  it('removes a workspace; opening or removing it again says it is gone', async () => {
    const { methods } = open();
    const server = await fakeServer(json(200, teamWhoami()));
    const added = await methods['workspaces.add']({ name: 'Prod', url: server.url, token: TOKEN });
    expect(await methods['workspaces.remove']({ id: added.id })).toEqual({ removed: true });
    expect(await methods['workspaces.list']({})).toEqual({ items: [] });
    expect((await refusal(methods['workspaces.open']({ id: added.id }))).code).toBe('not-found');
    expect((await refusal(methods['workspaces.remove']({ id: added.id }))).code).toBe('not-found');
  });

  it('refuses a second server of the same name', async () => {
    const { methods } = open();
    const server = await fakeServer(json(200, teamWhoami()));
    await methods['workspaces.add']({ name: 'Prod', url: server.url, token: TOKEN });
    const error = await refusal(methods['workspaces.add']({ name: 'Prod', url: server.url, token: TOKEN }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"Prod" is already in the list');
  });

  it('says the token was refused when the server answers 401, and keeps nothing', async () => {
    const { methods } = open();
    const server = await fakeServer(json(401, { error: 'unauthorized', message: 'Missing or wrong token.' }));
    const error = await refusal(methods['workspaces.add']({ name: 'Prod', url: server.url, token: TOKEN }));
    // Not `unauthorized`: that code tells the UI its own session is gone.
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(/refused the token/);
    expect(await methods['workspaces.list']({})).toEqual({ items: [] });
  });

  it('says when nothing listens at the address', async () => {
    const { methods } = open();
    // A port that was just free and is closed again: connecting to it is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await refusal(methods['workspaces.add']({ name: 'Prod', url, token: TOKEN }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(`Cannot reach ${url}: nothing listens there (connection refused)`);
    expect((await methods['workspaces.list']({})).items).toEqual([]);
  });

  it('says when the server does not answer in time', async () => {
    const { methods } = open();
    // Never answers: the check gives up after its timeout.
    const server = await fakeServer(() => {});
    const error = await refusal(methods['workspaces.add']({ name: 'Prod', url: server.url, token: TOKEN }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('no answer within 0.5 s');
  });

  it('tells a local inspector and some other web server apart from a team server', async () => {
    const { methods } = open();
    const local = await fakeServer(json(200, { mode: 'local', person: null }));
    const localError = await refusal(methods['workspaces.add']({ name: 'L', url: local.url, token: TOKEN }));
    expect(localError.message).toMatch(/inspector for one person, not a team server/);

    const other = await fakeServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    });
    const otherError = await refusal(methods['workspaces.add']({ name: 'O', url: other.url, token: TOKEN }));
    expect(otherError.code).toBe('bad-input');
    expect(otherError.message).toMatch(/does not answer as a Bot Webhook Inspector team server/);

    const page = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>a shop</html>');
    });
    const pageError = await refusal(methods['workspaces.add']({ name: 'P', url: page.url, token: TOKEN }));
    expect(pageError.message).toMatch(/does not answer as/);

    const moved = await fakeServer((_req, res) => {
      res.writeHead(308, { location: 'https://inspector.example.com/api/app.whoami' });
      res.end();
    });
    const movedError = await refusal(methods['workspaces.add']({ name: 'M', url: moved.url, token: TOKEN }));
    expect(movedError.message).toMatch(/redirects to https:\/\/inspector\.example\.com/);
  });

  it('passes on what a failing server says', async () => {
    const { methods } = open();
    const server = await fakeServer(
      json(503, { error: 'unavailable', message: 'The team database cannot be reached.' }),
    );
    const error = await refusal(methods['workspaces.add']({ name: 'Prod', url: server.url, token: TOKEN }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(`${server.url} answered 503: The team database cannot be reached.`);
  });

  it('requires https except on this machine, and an address without a path or credentials, before any call', async () => {
    const { methods } = open();
    const add = (url: string) => refusal(methods['workspaces.add']({ name: 'X', url, token: TOKEN }));
    expect((await add('http://inspector.example.com')).message).toMatch(
      /Use https:\/\/ for inspector\.example\.com/,
    );
    expect((await add('http://10.0.0.5:8080')).code).toBe('bad-input');
    expect((await add('https://inspector.example.com/inspector')).message).toMatch(
      /root of its host: use https:\/\/inspector\.example\.com without \/inspector/,
    );
    expect((await add('https://ada:secret@inspector.example.com')).message).toMatch(/credentials/);
  });

  it('is refused on a team server, which keeps no list of its own', async () => {
    const methods = workspaceMethods(null);
    expect(() => methods['workspaces.list']({})).toThrow(/keeps no list of team servers/);
  });
});
