import { describe, expect, it } from 'vitest';
import { PgInboxStore } from '../../../src-main/core/inboxes/pg-store';
import { SqliteInboxStore } from '../../../src-main/core/inboxes/sqlite-store';
import type { InboxStore } from '../../../src-main/core/inboxes/store';
import { type Connection, onEngine, useEngines } from '../../support/engines';
import { listenForChanges } from '../../support/pg-changes';
import { waitFor } from '../../support/wait';

const inboxStore = (connection: Connection, origin = 'replica-a'): Promise<InboxStore> =>
  onEngine<Promise<InboxStore>>(connection, {
    sqlite: async (db) => new SqliteInboxStore(db),
    postgres: (sql) => PgInboxStore.open(sql, origin),
  });

describe('InboxStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('starts with the default inbox and knows it from memory', async (ctx) => {
      const store = await inboxStore((await engine.database(ctx)).main);
      expect(store.has('default')).toBe(true);
      expect(store.has('nope')).toBe(false);
      const [only, ...rest] = await store.list();
      expect(rest).toEqual([]);
      expect(only?.name).toBe('default');
      expect(Math.abs((only?.createdAt ?? 0) - Date.now())).toBeLessThan(60_000);
    });

    it('creates inboxes and lists them by name in byte order, whatever the locale', async (ctx) => {
      const store = await inboxStore((await engine.database(ctx)).main);
      for (const name of ['b', 'B', 'a-1', 'a_1']) expect(await store.create(name)).toBe(true);
      expect((await store.list()).map((i) => i.name)).toEqual(['B', 'a-1', 'a_1', 'b', 'default']);
      expect(['b', 'B', 'a-1', 'a_1'].every((name) => store.has(name))).toBe(true);
    });

    it('deletes an inbox; another replica forgets it on its reload', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await inboxStore(db.main, 'replica-a');
      const b = await inboxStore(db.connect(), 'replica-b');
      expect(await a.create('gone')).toBe(true);
      await b.reload();
      expect(b.has('gone')).toBe(true);
      expect(await a.delete('gone')).toBe(true);
      expect(a.has('gone')).toBe(false);
      expect(await a.delete('gone')).toBe(false);
      await b.reload();
      expect(b.has('gone')).toBe(false);
      expect((await b.list()).map((i) => i.name)).toEqual(['default']);
    });

    it('answers false for a name that exists, keeping the first one', async (ctx) => {
      const store = await inboxStore((await engine.database(ctx)).main);
      expect(await store.create('default')).toBe(false);
      expect(await store.create('once')).toBe(true);
      const [before] = (await store.list()).filter((i) => i.name === 'once');
      expect(await store.create('once')).toBe(false);
      expect((await store.list()).filter((i) => i.name === 'once')).toEqual([before]);
    });

    it('answers false for a name another replica made, by the key and without a reload, and then knows it', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await inboxStore(db.main, 'replica-a');
      const b = await inboxStore(db.connect(), 'replica-b');
      expect(await a.create('shared')).toBe(true);
      expect(b.has('shared')).toBe(false);
      expect(await b.create('shared')).toBe(false);
      expect(b.has('shared')).toBe(true);
      expect((await b.list()).filter((i) => i.name === 'shared')).toHaveLength(1);
    });

    it('lets exactly one of many creates of one name win across two replicas at once', async (ctx) => {
      const db = await engine.database(ctx);
      const replicas = [await inboxStore(db.main, 'replica-a'), await inboxStore(db.connect(), 'replica-b')];
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (replicas[i % 2] as InboxStore).create('race')),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await replicas[0]?.list())?.filter((i) => i.name === 'race')).toHaveLength(1);
      expect(replicas.every((r) => r.has('race'))).toBe(true);
    });

    it('picks up on reload what another replica made', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await inboxStore(db.main, 'replica-a');
      const b = await inboxStore(db.connect(), 'replica-b');
      await a.create('made-by-a');
      expect(b.has('made-by-a')).toBe(false);
      await b.reload();
      expect(b.has('made-by-a')).toBe(true);
      expect(b.has('default')).toBe(true);
      // A store opened later knows it from the start.
      expect((await inboxStore(db.connect(), 'replica-c')).has('made-by-a')).toBe(true);
    });
  });

  describe('on postgres: change notices', () => {
    it('says "inboxes" once per inbox made, with its origin; a name that exists says nothing', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const changes = await listenForChanges(db);
      const store = await inboxStore(db.main, 'replica-a');
      await store.create('first');
      await waitFor(() => changes.length === 1, { what: 'the first notice' });
      expect(await store.create('first')).toBe(false);
      await store.create('second');
      // Notices arrive in commit order: had the refused create sent one, it would come before this.
      await waitFor(() => changes.length >= 2, { what: 'the second notice' });
      expect(changes).toEqual([
        { origin: 'replica-a', topic: 'inboxes' },
        { origin: 'replica-a', topic: 'inboxes' },
      ]);
    });
  });
});
