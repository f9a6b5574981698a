import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PgPeopleStore } from '../../../src-main/core/people/people-store';
import { closePostgres, connectPostgres } from '../../../src-main/core/store/pg/connect';
import { startTestCore } from '../../support/core';
import { ownCluster } from '../../support/postgres';
import { makeTempDir, removeDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

describe('the team gate while the database is away', () => {
  it('still knows a token it checked before, refuses to guess about others, and forgets all once someone is revoked', async (ctx) => {
    const cluster = await ownCluster(ctx);
    const url = await cluster.database();
    const keyDir = makeTempDir('bwi-gate-key-');
    ctx.onTestFinished(() => removeDir(keyDir));
    const test = await startTestCore({ database: url, secretKeyFile: join(keyDir, 'team.key') });
    ctx.onTestFinished(() => test.dispose());
    const gate = test.core.team;
    if (gate === null) throw new Error('a team server has a gate');
    const admin = await gate.addFirstAdmin();
    if (admin === null) throw new Error('no first admin');
    // Another process on the database (the command line), closed before each outage.
    const elsewhere = async <T>(work: (people: PgPeopleStore) => Promise<T>): Promise<T> => {
      const sql = connectPostgres(url, { max: 1 });
      try {
        return await work(new PgPeopleStore(sql, 'elsewhere'));
      } finally {
        await closePostgres(sql);
      }
    };
    const ada = await elsewhere((people) => people.add('Ada', 'viewer'));
    const bob = await elsewhere((people) => people.add('Bob', 'viewer'));
    expect(await gate.authenticate(admin)).toMatchObject({ name: 'admin' });
    expect(await gate.authenticate(ada.token)).toMatchObject({ name: 'Ada' });

    await cluster.pause();
    expect(await gate.authenticate(admin)).toMatchObject({ name: 'admin' });
    await expect(gate.authenticate(bob.token)).rejects.toMatchObject({ code: 'unavailable' });
    const status = await gate.call({ ...ada.person }, 'app.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'unavailable' } });
    await cluster.resume();

    // A revocation heard (here from another process) drops everything remembered.
    await waitFor(async () => (await gate.authenticate(admin).catch(() => null)) !== null, {
      timeoutMs: 20_000,
      what: 'the database to answer again',
    });
    const heard = new Promise<void>((resolve) => gate.onPeopleChanged(resolve));
    await elsewhere((people) => people.revoke({ id: bob.person.id }));
    await heard;
    await cluster.pause();
    await expect(gate.authenticate(admin)).rejects.toMatchObject({ code: 'unavailable' });
    await cluster.resume();
  }, 60_000); // a throwaway cluster of its own: initdb alone takes seconds on a busy machine
});
