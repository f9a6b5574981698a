import { join } from 'node:path';
import { METHOD_NAMES, METHOD_ROLES, type MethodName, type Role, roleAllows } from '@contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SuiteDatabase, usePostgres } from '../support/postgres';
import { startTeamServer, type TeamServer } from '../support/team-server';
import { makeTempDir, removeDir } from '../support/temp-dir';

// Every method of the contract, called through the web bridge of a team
// server by a person of each role: the least role each method needs
// (METHOD_ROLES) is what the bridge enforces, and nothing else is refused.

const ROLES: Role[] = ['viewer', 'operator', 'admin'];
const cases = METHOD_NAMES.flatMap((method) => ROLES.map((role) => [method, role] as [MethodName, Role]));

describe('roles on every method of a team server', () => {
  const pg = usePostgres();
  let db: SuiteDatabase | null = null;
  let keyDir: string;
  let server: TeamServer | null = null;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    db = await pg.suiteDatabase();
    if (db === null) return;
    keyDir = makeTempDir('bwi-roles-key-');
    server = await startTeamServer(db.url, join(keyDir, 'team.key'));
    const admin = server.served.adminToken;
    if (admin === null) throw new Error('serve made no first admin on an empty database.');
    tokens.set('admin', admin);
    tokens.set('operator', (await server.addPerson(admin, 'Olga', 'operator')).token);
    tokens.set('viewer', (await server.addPerson(admin, 'Vera', 'viewer')).token);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    if (keyDir) removeDir(keyDir);
  });

  it.for(cases)('%s called by a %s', async ([method, role], ctx) => {
    if (server === null) return ctx.skip('No PostgreSQL (outside CI).');
    // Empty input: an allowed call may still fail as bad input; only the role decides 403.
    const res = await server.api(tokens.get(role) ?? null, method, {});
    const needed = METHOD_ROLES[method];
    if (roleAllows(role, method)) {
      expect(res.status, res.text).not.toBe(403);
      expect(res.status, res.text).not.toBe(401);
      return;
    }
    expect(res.status).toBe(403);
    const body = res.json<{ error: string; message: string }>();
    expect(body.error).toBe('forbidden');
    expect(body.message).toContain(needed === 'local' ? 'desktop app' : `needs the ${needed} role`);
  });

  it('records every refused call in the audit log as an error, with who made it', async (ctx) => {
    if (server === null) return ctx.skip('No PostgreSQL (outside CI).');
    const refused = cases.filter(([method, role]) => !roleAllows(role, method));
    const listed = await server.api(tokens.get('admin') ?? null, 'audit.list', {
      outcome: 'error',
      limit: 1000,
    });
    const entries = listed.json<{ items: Array<{ method: string; role: Role; error: string }> }>().items;
    const forbidden = entries.filter((e) => e.error.startsWith('forbidden: '));
    expect(forbidden.map((e) => `${e.method} ${e.role}`).sort()).toEqual(
      refused.map(([method, role]) => `${method} ${role}`).sort(),
    );
  });
});
