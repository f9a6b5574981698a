import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '@contract';
import { describe, expect, it } from 'vitest';
import { COMMAND_LINE, PgAuditStore } from '../../../src-main/core/audit/audit-store';
import { PgPeopleStore } from '../../../src-main/core/people/people-store';
import { migratePostgres } from '../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../src-main/core/store/pg/migrations';
import { usePostgres } from '../../support/postgres';
import { makeTempDir, removeDir } from '../../support/temp-dir';

describe('the audit log (PostgreSQL)', () => {
  const pg = usePostgres();

  const setUp = async (ctx: Parameters<typeof pg.freshDatabase>[0]) => {
    const db = await pg.freshDatabase(ctx);
    const sql = db.connect();
    await migratePostgres(sql, pgMigrations);
    const people = new PgPeopleStore(sql, 'test');
    const audit = new PgAuditStore(sql);
    const ada = (await people.add('Ada', 'admin')).person;
    const bob = (await people.add('Bob', 'operator')).person;
    const as = (p: typeof ada) => ({ id: p.id, name: p.name, role: p.role });
    await audit.append({
      actor: as(ada),
      method: 'profiles.create',
      target: 'profile "x"',
      outcome: 'ok',
      error: null,
    });
    await audit.append({
      actor: as(bob),
      method: 'replay.start',
      target: 'delivery 4',
      outcome: 'ok',
      error: null,
    });
    await audit.append({
      actor: as(bob),
      method: 'people.add',
      target: 'person "Eve"',
      outcome: 'error',
      error: 'forbidden: "people.add" needs the admin role; Bob is an operator.',
    });
    await audit.append({
      actor: COMMAND_LINE,
      method: 'people.revoke',
      target: 'person 9',
      outcome: 'ok',
      error: null,
    });
    return { sql, audit, ada, bob };
  };

  it('lists newest first with the total, narrowed by person, method, outcome and time, and pages by id', async (ctx) => {
    const { audit, ada, bob } = await setUp(ctx);
    const all = await audit.list({ limit: 200 });
    expect(all.total).toBe(4);
    expect(all.items.map((e) => e.method)).toEqual([
      'people.revoke',
      'people.add',
      'replay.start',
      'profiles.create',
    ]);
    expect(all.items[0]).toEqual({
      id: expect.any(Number),
      at: expect.stringMatching(/Z$/),
      personId: null,
      personName: 'command line',
      role: 'admin',
      method: 'people.revoke',
      target: 'person 9',
      outcome: 'ok',
      error: null,
    } satisfies AuditEntry);

    const byBob = await audit.list({ personId: bob.id, limit: 200 });
    expect(byBob.items.map((e) => e.method)).toEqual(['people.add', 'replay.start']);
    expect((await audit.list({ personId: ada.id, limit: 200 })).total).toBe(1);
    expect((await audit.list({ method: 'replay.start', limit: 200 })).items.map((e) => e.target)).toEqual([
      'delivery 4',
    ]);
    const errors = await audit.list({ outcome: 'error', limit: 200 });
    expect(errors.items.map((e) => e.error)).toEqual([expect.stringMatching(/^forbidden: /)]);

    const page = await audit.list({ limit: 2 });
    expect(page).toMatchObject({ total: 4 });
    const next = await audit.list({ limit: 2, before: page.items.at(-1)?.id });
    expect([...page.items, ...next.items]).toEqual(all.items);
    expect(next.total).toBe(4);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await audit.list({ from: future, limit: 200 })).total).toBe(0);
    expect((await audit.list({ to: past, limit: 200 })).total).toBe(0);
    expect((await audit.list({ from: past, to: future, limit: 200 })).total).toBe(4);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async (ctx) => {
    const { sql } = await setUp(ctx);
    await expect(sql`UPDATE audit_log SET outcome = 'ok'`).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`).rejects.toThrow(/append-only/);
    expect(await sql`SELECT count(*)::int AS n FROM audit_log`).toEqual([{ n: 4 }]);
  });

  it('exports what a filter matches as NDJSON, oldest first, named as an audit export', async (ctx) => {
    const { audit, bob } = await setUp(ctx);
    const dir = makeTempDir('bwi-audit-export-');
    ctx.onTestFinished(() => removeDir(dir));
    const file = await audit.exportTo(dir, { personId: bob.id });
    expect(file).toMatch(/^audit-[\w-]+\.ndjson$/);
    const lines = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as AuditEntry).method)).toEqual(['replay.start', 'people.add']);
    const everything = await audit.exportTo(dir, {});
    expect(readFileSync(join(dir, everything), 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });
});
