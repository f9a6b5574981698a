import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sql, TransactionSql } from '../../../../src-main/core/store/pg/connect';
import { settleFirstCopies } from '../../../../src-main/core/store/pg/first-copies';
import { migratePostgres } from '../../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../../src-main/core/store/pg/migrations';
import { type TestDatabase, usePostgres } from '../../../support/postgres';
import { waitFor } from '../../../support/wait';
import { type DeliveryInput, insertDeliveries } from './delivery-rows';

interface Stored {
  id: number;
  inbox: string;
  update_id: number | null;
  problem: string | null;
  duplicate_of: number | null;
}

const stored = (sql: Sql) =>
  sql<Stored[]>`SELECT id, inbox, update_id, problem, duplicate_of FROM deliveries ORDER BY id`;

/** One group commit as the store does it: insert the batch, then settle first copies, in one transaction. */
const commitBatch = (sql: Sql, rows: DeliveryInput[]) =>
  sql.begin(async (tx) => settleFirstCopies(tx, await insertDeliveries(tx, rows)));

describe('settleFirstCopies', () => {
  const pg = usePostgres();

  const migrated = async (db: TestDatabase): Promise<Sql> => {
    const sql = db.connect();
    await migratePostgres(sql, pgMigrations);
    return sql;
  };

  it('in one batch: the first accepted copy is the first, later ones point at it; refused and id-less copies are neither', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    const duplicates = await commitBatch(sql, [
      { updateId: 1, responseStatus: 404 }, // refused (unknown inbox at the time): not a first copy
      { updateId: 1, problem: 'bad-signature' },
      { updateId: 1 },
      { updateId: 2 },
      { updateId: 1, inbox: 'other' }, // another inbox, another first
      { updateId: null },
      { updateId: 1, responseStatus: 503 },
    ]);
    expect(Object.fromEntries(duplicates)).toEqual({ 3: 2 });
    expect(await stored(sql)).toEqual([
      { id: 1, inbox: 'default', update_id: 1, problem: null, duplicate_of: null },
      { id: 2, inbox: 'default', update_id: 1, problem: 'bad-signature', duplicate_of: null },
      { id: 3, inbox: 'default', update_id: 1, problem: 'duplicate', duplicate_of: 2 },
      { id: 4, inbox: 'default', update_id: 2, problem: null, duplicate_of: null },
      { id: 5, inbox: 'other', update_id: 1, problem: null, duplicate_of: null },
      { id: 6, inbox: 'default', update_id: null, problem: null, duplicate_of: null },
      { id: 7, inbox: 'default', update_id: 1, problem: null, duplicate_of: null },
    ]);
    expect(await sql`SELECT inbox, update_id, delivery_id FROM first_updates ORDER BY delivery_id`).toEqual([
      { inbox: 'default', update_id: 1, delivery_id: 2 },
      { inbox: 'default', update_id: 2, delivery_id: 4 },
      { inbox: 'other', update_id: 1, delivery_id: 5 },
    ]);
  });

  it('across batches: a copy of an update stored earlier is its duplicate', async (ctx) => {
    const sql = await migrated(await pg.freshDatabase(ctx));
    await commitBatch(sql, [{ updateId: 9 }]);
    expect(Object.fromEntries(await commitBatch(sql, [{ updateId: 9 }, { updateId: 10 }]))).toEqual({ 2: 1 });
  });

  /**
   * Two replicas commit a copy of the same update at once: B's claim has to
   * wait for A's transaction, and the test lets A finish only once B is
   * seen waiting, so the race is the real one, every time.
   */
  const race = async (db: TestDatabase, aOutcome: 'commit' | 'rollback') => {
    const sql = await migrated(db);
    const watcher = db.connect();
    let releaseA: () => void = () => undefined;
    const aMayFinish = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let aClaimed: () => void = () => undefined;
    const aHasClaimed = new Promise<void>((resolve) => {
      aClaimed = resolve;
    });
    const rolledBack = new Error('A rolls back');

    const replicaA = db
      .connect()
      .begin(async (tx) => {
        const result = await settleFirstCopies(tx, await insertDeliveries(tx, [{ updateId: 5 }]));
        aClaimed();
        await aMayFinish;
        if (aOutcome === 'rollback') throw rolledBack;
        return result;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
        return null;
      });
    await aHasClaimed;

    let bPid = 0;
    const replicaB = db.connect().begin(async (tx: TransactionSql) => {
      const [me] = await tx<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      bPid = me?.pid ?? 0;
      return settleFirstCopies(tx, await insertDeliveries(tx, [{ updateId: 5 }]));
    });
    await waitFor(
      async () =>
        bPid !== 0 &&
        (await watcher`SELECT 1 FROM pg_stat_activity WHERE pid = ${bPid} AND wait_event_type = 'Lock'`)
          .length === 1,
      { what: "replica B waiting on A's claim" },
    );
    releaseA();
    const [a, b] = await Promise.all([replicaA, replicaB]);
    return { sql, a, b };
  };

  it('under concurrency: of two replicas committing the same update at once, exactly one has the first copy', async (ctx) => {
    const { sql, a, b } = await race(await pg.freshDatabase(ctx), 'commit');
    expect(a?.size).toBe(0);
    const rows = await stored(sql);
    const first = rows.filter((r) => r.problem === null);
    const duplicates = rows.filter((r) => r.problem === 'duplicate');
    expect(first).toHaveLength(1);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.duplicate_of).toBe(first[0]?.id);
    expect(Object.fromEntries(b)).toEqual({ [duplicates[0]?.id ?? -1]: first[0]?.id });
  });

  it("under concurrency: when the first replica's transaction fails, the waiting one's copy becomes the first", async (ctx) => {
    const { sql, a, b } = await race(await pg.freshDatabase(ctx), 'rollback');
    expect(a).toBeNull();
    expect(b.size).toBe(0);
    const rows = await stored(sql);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ problem: null, duplicate_of: null });
    expect(await sql`SELECT delivery_id FROM first_updates`).toEqual([{ delivery_id: rows[0]?.id }]);
  });

  it('under concurrency: replicas committing the same updates in different orders agree on one first copy each, without deadlock', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const sql = await migrated(db);
    const replicas = Array.from({ length: 4 }, () => db.connect({ max: 1 }));
    // Enough keys that batches in different orders overlap: without the claim's key order, this deadlocks.
    const [KEYS, ROUNDS] = [300, 4];
    // Each round, every replica commits one batch of the same new updates, each in its own order, all at once.
    const rounds = fc.sample(
      fc.array(fc.shuffledSubarray([...Array(KEYS).keys()], { minLength: KEYS }), {
        minLength: replicas.length,
        maxLength: replicas.length,
      }),
      { numRuns: ROUNDS, seed: 20261203 },
    );
    for (const [round, orders] of rounds.entries()) {
      // All replicas have inserted their rows before any claims: the claims run side by side.
      let arrived = 0;
      let allInserted: () => void = () => undefined;
      const barrier = new Promise<void>((resolve) => {
        allInserted = resolve;
      });
      await Promise.all(
        replicas.map((replica, r) =>
          replica.begin(async (tx) => {
            const copies = await insertDeliveries(
              tx,
              (orders[r] ?? []).map((u) => ({ updateId: round * KEYS + u })),
            );
            if (++arrived === replicas.length) allInserted();
            await barrier;
            return settleFirstCopies(tx, copies);
          }),
        ),
      );
    }

    const rows = await stored(sql);
    expect(rows).toHaveLength(ROUNDS * KEYS * replicas.length);
    const claims = await sql<
      { update_id: number; delivery_id: number }[]
    >`SELECT update_id, delivery_id FROM first_updates`;
    const firstOf = new Map(claims.map((c) => [c.update_id, c.delivery_id]));
    expect(firstOf.size).toBe(ROUNDS * KEYS);
    for (const row of rows) {
      const first = firstOf.get(row.update_id as number);
      if (row.id === first) expect(row).toMatchObject({ problem: null, duplicate_of: null });
      else expect(row).toMatchObject({ problem: 'duplicate', duplicate_of: first });
    }
  });
});
