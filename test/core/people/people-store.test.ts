import { describe, expect, it } from 'vitest';
import { PgPeopleStore } from '../../../src-main/core/people/people-store';
import { tokenHash } from '../../../src-main/core/people/tokens';
import { migratePostgres } from '../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../src-main/core/store/pg/migrations';
import { usePostgres } from '../../support/postgres';

describe('a team server’s people (PostgreSQL)', () => {
  const pg = usePostgres();

  const store = async (ctx: Parameters<typeof pg.freshDatabase>[0]) => {
    const db = await pg.freshDatabase(ctx);
    const sql = db.connect();
    await migratePostgres(sql, pgMigrations);
    return { sql, db, people: new PgPeopleStore(sql, 'test-origin') };
  };

  it('adds a person with a token shown once and kept only as its SHA-256', async (ctx) => {
    const { sql, people } = await store(ctx);
    const { person, token } = await people.add('Ada', 'operator');
    expect(person).toEqual({
      id: expect.any(Number),
      name: 'Ada',
      role: 'operator',
      createdAt: expect.stringMatching(/Z$/),
      revokedAt: null,
    });
    expect(token).toMatch(/^bwi_[A-Za-z0-9_-]{43}$/);
    const [row] = await sql<{ token_hash: Buffer }[]>`SELECT token_hash FROM people WHERE id = ${person.id}`;
    expect(row?.token_hash).toEqual(tokenHash(token));
    expect(JSON.stringify(await sql`SELECT * FROM people`)).not.toContain(token);
    expect(await people.byToken(token)).toEqual(person);
    expect(await people.byToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await people.byToken('not a token')).toBeNull();
  });

  it('refuses a second active person of one name, and takes it again once the first is revoked', async (ctx) => {
    const { people } = await store(ctx);
    await people.add('boss', 'admin');
    const first = await people.add('Ada', 'viewer');
    await expect(people.add('Ada', 'admin')).rejects.toMatchObject({ code: 'conflict' });
    await people.revoke({ name: 'Ada' });
    const second = await people.add('Ada', 'admin');
    expect(second.person.id).not.toBe(first.person.id);
    expect((await people.list()).map((p) => [p.name, p.role, p.revokedAt === null])).toEqual([
      ['boss', 'admin', true],
      ['Ada', 'viewer', false],
      ['Ada', 'admin', true],
    ]);
  });

  it('revokes at once, says so on the change channel, and refuses the token from then on', async (ctx) => {
    const { sql, people } = await store(ctx);
    await people.add('boss', 'admin');
    const { person, token } = await people.add('Ada', 'viewer');
    const notices: string[] = [];
    await sql.listen('bwi_changes', (payload) => notices.push(payload));
    const revoked = await people.revoke({ id: person.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await people.byToken(token)).toBeNull();
    expect(await people.active([person.id])).toEqual(new Set());
    await expect
      .poll(() => notices)
      .toEqual([JSON.stringify({ origin: 'test-origin', topic: 'people', ids: [person.id] })]);
    // Again: nothing changes, nothing is said.
    expect(await people.revoke({ id: person.id })).toEqual(revoked);
    await expect(people.revoke({ id: 999 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(people.revoke({ name: 'Ada' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps one admin: the last cannot be revoked, and two admins revoking each other at once leave one', async (ctx) => {
    const { db, people } = await store(ctx);
    const a = await people.add('a', 'admin');
    await expect(people.revoke({ id: a.person.id })).rejects.toMatchObject({ code: 'conflict' });
    const b = await people.add('b', 'admin');
    // Two replicas, each on its own connections.
    const other = new PgPeopleStore(db.connect(), 'other-origin');
    const outcomes = await Promise.allSettled([
      people.revoke({ id: b.person.id }),
      other.revoke({ id: a.person.id }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await people.list()).filter((p) => p.role === 'admin' && p.revokedAt === null)).toHaveLength(1);
  });

  it('makes one first admin on an empty database, whatever number of replicas start at once', async (ctx) => {
    const { db, people } = await store(ctx);
    const replicas = [people, ...[1, 2, 3].map((n) => new PgPeopleStore(db.connect(), `r${n}`))];
    const made = (await Promise.all(replicas.map((r) => r.addFirstAdmin()))).filter((m) => m !== null);
    expect(made).toHaveLength(1);
    expect(made[0]?.person).toMatchObject({ name: 'admin', role: 'admin' });
    expect(await people.addFirstAdmin()).toBeNull();
    // Revoked people still count: no admin appears by itself on a team that has people.
    await people.add('second', 'admin');
    await people.revoke({ name: 'admin' });
    expect(await people.addFirstAdmin()).toBeNull();
  });
});
