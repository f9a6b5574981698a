import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, type TestContext } from 'vitest';
import { WebSocket } from 'ws';
import { usePostgres } from '../support/postgres';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// The built CLI managing a team server's people on its database, and serve's first start.

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
const { DATABASE_URL: _fromTests, ...env } = process.env;
const cli = (args: string[]) =>
  run(process.execPath, [CLI, ...args], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

async function replica(ctx: TestContext, url: string, keyDir: string, token?: string): Promise<ServeProcess> {
  const data = tempDataDir();
  const server = await startServe(
    data.dir,
    ['--database', url, '--secret-key-file', join(keyDir, 'team.key')],
    token === undefined ? {} : { token },
  );
  ctx.onTestFinished(async () => {
    await server.stop();
    data.remove();
  });
  return server;
}

function keyDirFor(ctx: TestContext): string {
  const dir = tempDataDir();
  ctx.onTestFinished(() => dir.remove());
  return dir.dir;
}

const tokenIn = (stdout: string): string => {
  const token = /^Token: (\S+)$/m.exec(stdout)?.[1];
  if (token === undefined) throw new Error(`no token printed:\n${stdout}`);
  return token;
};

describe('bot-webhook-inspector users', () => {
  const pg = usePostgres();

  it('adds, lists and revokes people on the database; a revocation cuts a running replica’s session at once', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    // Before any replica ran: the CLI migrates the empty database itself.
    const boss = await cli(['users', 'add', '--database', url, '--name', 'boss', '--role', 'admin']);
    expect(boss.code, boss.stderr).toBe(0);
    expect(boss.stdout).toMatch(/^Added person 1: boss \(admin\)$/m);
    const bossToken = tokenIn(boss.stdout);
    expect(boss.stderr).toContain('shown this once');
    const vera = await cli(['users', 'add', '--database', url, '--name', 'Vera', '--role', 'viewer']);
    const veraToken = tokenIn(vera.stdout);

    // The database has people: serve makes no admin, and prints no token at all.
    const server = await replica(ctx, url, keyDirFor(ctx), bossToken);
    expect(server.adminToken).toBeNull();
    expect(server.uiUrl).toBe(`${server.uiBase}/`);
    expect(await server.api('app.whoami')).toMatchObject({
      mode: 'team',
      person: { name: 'boss', role: 'admin' },
    });

    const listed = await cli(['users', 'list', '--database', url]);
    expect(listed.code).toBe(0);
    const rows = listed.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID\s+NAME\s+ROLE\s+CREATED\s+REVOKED$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/))).toEqual([
      ['1', 'boss', 'admin', expect.stringMatching(/Z$/), '-'],
      ['2', 'Vera', 'viewer', expect.stringMatching(/Z$/), '-'],
    ]);

    const ws = new WebSocket(`${server.uiBase.replace('http:', 'ws:')}/events?token=${veraToken}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const revoked = await cli(['users', 'revoke', '--database', url, '--name', 'Vera']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked person 2: Vera \(viewer\) at \S+Z$/m);
    const done = Date.now();
    expect(await closed).toBe(4401);
    expect(Date.now() - done).toBeLessThan(1000);
    const call = await fetch(`${server.uiBase}/api/app.whoami`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${veraToken}` },
      body: '{}',
    });
    expect(call.status).toBe(401);

    const relisted = await cli(['users', 'list', '--database', url]);
    expect(relisted.stdout).toMatch(/^2\s+Vera\s+viewer\s+\S+Z\s+\S+Z$/m);
    // The command line's changes are in the audit log too.
    const audit = await server.api<{ items: Array<{ personName: string; method: string; target: string }> }>(
      'audit.list',
      {},
    );
    expect(
      audit.items.filter((e) => e.personName === 'command line').map((e) => `${e.method} ${e.target}`),
    ).toEqual(['people.revoke person "Vera"', 'people.add person "Vera"', 'people.add person "boss"']);
  });

  it('refuses what makes no sense: a missing role, a name taken, the last admin, no database', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const noRole = await cli(['users', 'add', '--database', url, '--name', 'Ada']);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('--role viewer, operator or admin');
    expect((await cli(['users', 'add', '--database', url, '--name', 'Ada', '--role', 'admin'])).code).toBe(0);
    const taken = await cli(['users', 'add', '--database', url, '--name', 'Ada', '--role', 'viewer']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already has a token');
    const last = await cli(['users', 'revoke', '--database', url, '--id', '1']);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('last admin');
    const nowhere = await cli(['users', 'list']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('--database URL or $DATABASE_URL');
  });

  it('serve on a database with no people prints an admin token once, and the UI line without a token', async (ctx) => {
    const { url } = await pg.freshDatabase(ctx);
    const keyDir = keyDirFor(ctx);
    const first = await replica(ctx, url, keyDir);
    expect(first.adminToken).toMatch(/^bwi_/);
    expect(first.uiUrl).toBe(`${first.uiBase}/`);
    expect(await first.api('app.whoami')).toMatchObject({ person: { name: 'admin', role: 'admin' } });
    await first.stop();

    const again = await replica(ctx, url, keyDir, first.adminToken ?? '');
    expect(again.adminToken).toBeNull();
    expect(await again.api('app.whoami')).toMatchObject({ person: { name: 'admin' } });
    const listed = await cli(['users', 'list', '--database', url]);
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});
