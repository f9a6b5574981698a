import type { DeliveryListItem } from '@contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PgDeliveryStore } from '../../../src-main/core/deliveries/pg-store';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import { CHANGES_CHANNEL, type Change, parseChange } from '../../../src-main/core/store/pg/changes';
import type { Sql } from '../../../src-main/core/store/pg/connect';
import { migratePostgres } from '../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../src-main/core/store/pg/migrations';
import { type TestDatabase, usePostgres } from '../../support/postgres';
import { waitFor } from '../../support/wait';
import { delivery, invocation } from './fixtures';

// What only the PostgreSQL store has to do: tell other replicas, agree with
// them on first copies, and fit what PostgreSQL cannot hold. Everything both
// engines share is in the conformance suites (repository, search).

describe('PgDeliveryStore', () => {
  const pg = usePostgres();

  const migrated = async (db: TestDatabase): Promise<Sql> => {
    const sql = db.connect();
    await migratePostgres(sql, pgMigrations);
    return sql;
  };

  /** The change notices this database sends, as another replica hears them. */
  const listen = async (db: TestDatabase): Promise<Change[]> => {
    const heard: Change[] = [];
    await db.connect({ max: 1 }).listen(CHANGES_CHANNEL, (payload) => {
      const change = parseChange(payload);
      if (change) heard.push(change);
    });
    return heard;
  };

  it('tells other replicas of a committed batch: one notice with its ids, none for a batch that failed', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const store = new PgDeliveryStore(await migrated(db), 'replica-1');
    const heard = await listen(db);

    const first = await store.insertAll([delivery(1), delivery(2), delivery(1)]);
    const broken = delivery(3, { invocation: invocation({ durationMs: null as unknown as number }) });
    await expect(store.insertAll([delivery(4), broken])).rejects.toThrow();
    const second = await store.insertAll([delivery(5)]);
    // Notices come in commit order: once the last batch's is here, any from the failed one would be too.
    await waitFor(() => heard.length >= 2, { what: 'two notices' });
    expect(heard).toEqual([
      { origin: 'replica-1', topic: 'deliveries', ids: first.map((i) => i.id) },
      { origin: 'replica-1', topic: 'deliveries', ids: second.map((i) => i.id) },
    ]);
  });

  it('keeps two group commits in flight in id order: the later batch commits after, with larger ids', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const store = new PgDeliveryStore(await migrated(db), 'replica-1');
    const heard = await listen(db);
    // The small batch would commit long before the big one if nothing kept their order.
    const big = Array.from({ length: 2000 }, (_, n) => delivery(n + 1));
    const settledOrder: string[] = [];
    const [bigItems, smallItems] = await Promise.all([
      store.insertAll(big).then((items) => {
        settledOrder.push('big');
        return items;
      }),
      store.insertAll([delivery(5000)]).then((items) => {
        settledOrder.push('small');
        return items;
      }),
    ]);
    expect(settledOrder).toEqual(['big', 'small']);
    const largestOfBig = Math.max(...bigItems.map((i) => i.id));
    expect(smallItems[0]?.id).toBeGreaterThan(largestOfBig);
    // A reader catching up after the largest id it has seen misses nothing: notices come in id order.
    const ids = [...bigItems, ...smallItems].map((i) => i.id);
    await waitFor(() => heard.flatMap((c) => c.ids ?? []).length >= ids.length, {
      what: 'every id announced',
    });
    expect(heard.flatMap((c) => c.ids ?? [])).toEqual(ids);
  });

  it('lets the next batch commit when the one before it fails, and gives back every connection', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    // Two connections: a failed batch that kept its connection would leave the next ones waiting forever.
    const store = new PgDeliveryStore(db.connect({ max: 2 }), 'replica-1');
    await migratePostgres(db.connect({ max: 1 }), pgMigrations);
    const broken = () =>
      delivery(null, { invocation: invocation({ durationMs: null as unknown as number }) });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) =>
        store.insertAll(n % 2 === 0 ? [delivery(n + 1), broken()] : [delivery(n + 1)]),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // Nothing of a failed batch stays, not even the rows inserted before its invocations failed.
    expect(await store.count()).toBe(3);
    expect((await store.insertAll([delivery(100)])).length).toBe(1);
  });

  /**
   * Another session holding first_updates, so a batch with an update id stops at its claims; and
   * the store's batches that have inserted and wait, idle in their transactions, for their turn.
   */
  const claimsGate = async (db: TestDatabase) => {
    const gate = await db.connect({ max: 1 }).reserve();
    await gate`BEGIN`;
    await gate`LOCK TABLE first_updates IN EXCLUSIVE MODE`;
    const gatePid = (await gate<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]?.pid ?? 0;
    const admin = db.connect({ max: 1 });
    return {
      /** Sessions stopped at the gate's lock. */
      blocked: async () =>
        admin<{ pid: number }[]>`SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      /** Batches that inserted and now wait for the one before them. */
      waitingTurn: async () =>
        admin<{ pid: number }[]>`SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> ${gatePid}
            AND query LIKE '%INSERT INTO deliveries%'`,
      terminate: async (pid: number) => admin`SELECT pg_terminate_backend(${pid})`,
      open: async () => {
        await gate`COMMIT`;
        gate.release();
      },
    };
  };

  it('keeps the order when the batch in the middle fails at its INSERT while the first still commits', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const store = new PgDeliveryStore(await migrated(db), 'replica-1');
    const gate = await claimsGate(db);
    const settledOrder: string[] = [];
    const noted =
      (name: string) =>
      <T>(value: T): T => {
        settledOrder.push(name);
        return value;
      };
    const big = store.insertAll(Array.from({ length: 200 }, (_, n) => delivery(n + 1))).then(noted('big'));
    await waitFor(async () => (await gate.blocked()).length > 0, { what: 'the big batch at its claims' });
    // 2^40 is out of range for the status column: this batch's INSERT fails.
    await expect(store.insertAll([delivery(3000, { responseStatus: 2 ** 40 })])).rejects.toThrow();
    // No update id, so no claims: nothing but the order stops it from committing before the big one.
    const small = store.insertAll([delivery(null)]).then(noted('small'));
    await waitFor(async () => settledOrder.length > 0 || (await gate.waitingTurn()).length > 0, {
      what: 'the small batch committed or waiting its turn',
    });
    await gate.open();
    const [bigItems, smallItems] = await Promise.all([big, small]);
    expect(settledOrder).toEqual(['big', 'small']);
    expect(smallItems[0]?.id).toBeGreaterThan(Math.max(...bigItems.map((i) => i.id)));
    expect(await store.count()).toBe(201);
  });

  it('gives up, rather than waits forever, when a batch’s connection drops while it waits its turn', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const store = new PgDeliveryStore(await migrated(db), 'replica-1');
    const gate = await claimsGate(db);
    const first = store.insertAll([delivery(1)]);
    await waitFor(async () => (await gate.blocked()).length > 0, { what: 'the first batch at its claims' });
    const second = store.insertAll([delivery(2)]);
    const pid = await waitFor(async () => (await gate.waitingTurn())[0]?.pid, {
      what: 'the second batch waiting its turn',
    });
    await gate.terminate(pid);
    await expect(second).rejects.toThrow();
    await gate.open();
    expect((await first).length).toBe(1);
    // Nothing waits on the dropped batch: the next one commits.
    expect((await store.insertAll([delivery(3)])).length).toBe(1);
    expect(await store.count()).toBe(2);
  });

  it('returns a group commit of 2,000 in input order, its ids announced in order', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const store = new PgDeliveryStore(await migrated(db), 'replica-1');
    const heard = await listen(db);
    const rows = Array.from({ length: 2000 }, (_, n) =>
      delivery(n % 3 === 0 ? null : n, { inbox: n % 2 ? 'a' : 'b', summary: { text: `row ${n}` } }),
    );
    const items = await store.insertAll(rows);
    expect(items.map((i) => i.summary.text)).toEqual(rows.map((r) => r.summary.text));
    expect(items.map((i) => i.inbox)).toEqual(rows.map((r) => r.inbox));
    const ids = items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((await store.search({ limit: 1000, query: 'row 1999' })).items).toEqual([items[1999]]);
    // A notice holds at most 500 ids: the batch is announced in chunks, in order.
    await waitFor(() => heard.flatMap((c) => c.ids ?? []).length >= ids.length, {
      what: 'every id announced',
    });
    expect(heard.flatMap((c) => c.ids ?? [])).toEqual(ids);
  });

  it('stores U+0000 and lone surrogates as U+FFFD, and answers with what it stored', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const store = new PgDeliveryStore(await migrated(db), 'replica-1');
    const odd = 'a\u0000b\ud800c\udc00';
    const d = delivery(1, {
      inbox: odd,
      path: odd,
      headers: [[odd, odd]],
      summary: {
        kind: odd,
        user: { id: odd, name: odd, username: odd, language: odd },
        chat: { id: odd, type: odd },
        text: odd,
      },
    });
    const [item] = await store.insertAll([d]);
    const clean = 'a\uFFFDb\uFFFDc\uFFFD';
    expect(item).toMatchObject({
      inbox: clean,
      path: clean,
      summary: {
        kind: clean,
        user: { id: clean, name: clean, username: clean, language: clean },
        chat: { id: clean, type: clean },
        text: clean,
      },
    });
    expect((await store.search({ limit: 1 })).items).toEqual([item]);
    expect((await store.get(item?.id ?? -1))?.headers).toEqual([[clean, clean]]);
    // Lookups clean what they are given the same way, so they find it.
    expect(await store.count(odd)).toBe(1);
    expect((await store.search({ limit: 1, inbox: odd, userId: odd, chatId: odd, kind: odd })).total).toBe(1);
    expect(await store.seenUser(odd)).toMatchObject({ user: { id: clean } });
    expect(await store.hasSame(d)).toBe(true);
    expect(await store.prune(odd, 0, null)).toBe(1);
  });

  /** Every copy of an update points at one first copy, and the items each replica got say the same as the rows. */
  const expectOneFirstCopyEach = async (store: PgDeliveryStore, answered: DeliveryListItem[]) => {
    const { items: stored } = await store.search({ limit: 1000 });
    expect(stored).toHaveLength(answered.length);
    const byId = new Map(stored.map((i) => [i.id, i]));
    for (const item of answered) expect(byId.get(item.id)).toEqual(item);
    const copies = new Map<string, DeliveryListItem[]>();
    for (const item of stored) {
      const key = `${item.inbox}/${item.updateId}`;
      copies.set(key, [...(copies.get(key) ?? []), item]);
    }
    for (const group of copies.values()) {
      const firsts = group.filter((i) => i.problem === null);
      expect(firsts).toHaveLength(1);
      const firstId = firsts[0]?.id;
      // The first copy is the one claimed first, not necessarily the lowest id:
      // rows of a batch that committed later can have lower ids.
      for (const other of group) {
        if (other.id !== firstId) expect(other).toMatchObject({ problem: 'duplicate', duplicateOf: firstId });
        else expect(other.duplicateOf).toBeNull();
      }
    }
  };

  it('under concurrency: two replicas committing the same updates at the same moment agree on one first copy each', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    const sql = await migrated(db);
    const replicaA = new PgDeliveryStore(db.connect({ max: 1 }), 'replica-a');
    const replicaB = new PgDeliveryStore(db.connect({ max: 1 }), 'replica-b');
    const gate = db.connect({ max: 1 });
    const waitingToClaim = async () => {
      const [row] = await sql<{ n: number }[]>`
        SELECT count(*) AS n FROM pg_locks WHERE relation = 'first_updates'::regclass AND NOT granted`;
      return row?.n === 2;
    };
    const answered: DeliveryListItem[] = [];
    for (const round of [0, 1, 2]) {
      const u = (n: number) => round * 100 + n;
      const batchA: NewDelivery[] = [1, 2, 3, 3, 4].map((n) => delivery(u(n)));
      const batchB: NewDelivery[] = [4, 3, 2, 1, 5].map((n) => delivery(u(n)));
      batchB.push(delivery(u(1), { inbox: 'other' }));
      // Both replicas insert their rows, then queue behind this lock to claim
      // their first copies; releasing it lets them claim at once, so the
      // race is the real one every round.
      let both: Promise<DeliveryListItem[][]> | undefined;
      await gate.begin(async (tx) => {
        await tx`LOCK TABLE first_updates IN EXCLUSIVE MODE`;
        both = Promise.all([replicaA.insertAll(batchA), replicaB.insertAll(batchB)]);
        await waitFor(waitingToClaim, { what: 'both replicas waiting to claim' });
      });
      const [itemsA = [], itemsB = []] = (await both) ?? [];
      answered.push(...itemsA, ...itemsB);
      // Each update has one first copy between the two replicas' answers.
      for (const n of [1, 2, 3, 4]) {
        const copies = [...itemsA, ...itemsB].filter((i) => i.updateId === u(n) && i.inbox === 'default');
        expect(copies.filter((i) => i.duplicateOf === null)).toHaveLength(1);
      }
      expect(itemsB.at(-1)).toMatchObject({ inbox: 'other', problem: null, duplicateOf: null });
    }
    await expectOneFirstCopyEach(replicaA, answered);
  });

  it('under concurrency: four replicas committing overlapping batches in different orders, without deadlock', async (ctx) => {
    const db = await pg.freshDatabase(ctx);
    await migrated(db);
    const replicas = Array.from(
      { length: 4 },
      (_, r) => new PgDeliveryStore(db.connect({ max: 1 }), `r${r}`),
    );
    const [KEYS, ROUNDS] = [40, 3];
    const rounds = fc.sample(
      fc.array(fc.shuffledSubarray([...Array(KEYS).keys()], { minLength: KEYS / 2 }), {
        minLength: replicas.length,
        maxLength: replicas.length,
      }),
      { numRuns: ROUNDS, seed: 20261207 },
    );
    const answered: DeliveryListItem[] = [];
    for (const [round, orders] of rounds.entries()) {
      const results = await Promise.all(
        replicas.map((replica, r) =>
          replica.insertAll((orders[r] ?? []).map((k) => delivery(round * KEYS + k))),
        ),
      );
      answered.push(...results.flat());
    }
    await expectOneFirstCopyEach(replicas[0] as PgDeliveryStore, answered);
  });
});
