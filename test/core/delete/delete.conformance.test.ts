import type { EventName, EventPayload } from '@contract';
import { describe, expect, it } from 'vitest';
import { DELETE_CHUNK, deleteMethods } from '../../../src-main/core/delete/methods';
import { PgDeliveryStore } from '../../../src-main/core/deliveries/pg-store';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import type { DeliveryStore } from '../../../src-main/core/deliveries/store';
import { EventHub } from '../../../src-main/core/events';
import { PgInboxStore } from '../../../src-main/core/inboxes/pg-store';
import { SqliteInboxStore } from '../../../src-main/core/inboxes/sqlite-store';
import type { InboxStore } from '../../../src-main/core/inboxes/store';
import { PgInboxSettingsStore } from '../../../src-main/core/settings/pg-settings-store';
import { SqliteInboxSettingsStore } from '../../../src-main/core/settings/sqlite-settings-store';
import type { InboxSettingsStore } from '../../../src-main/core/settings/store';
import { type Connection, type EngineDatabase, onEngine, useEngines } from '../../support/engines';
import { listenForChanges } from '../../support/pg-changes';
import { waitFor } from '../../support/wait';
import { delivery } from '../deliveries/fixtures';

// Deleting deliveries and inboxes: the same assertions on SQLite and
// PostgreSQL, through the contract's methods on the engines' stores.

interface Opened {
  deliveries: DeliveryStore;
  inboxes: InboxStore;
  settings: InboxSettingsStore;
  methods: ReturnType<typeof deleteMethods>;
  /** What the methods pushed to live UIs, in order. */
  events: Array<{ name: EventName; payload: unknown }>;
}

async function open(connection: Connection, origin = 'replica-a'): Promise<Opened> {
  const stores = await onEngine<Promise<Omit<Opened, 'methods' | 'events'>>>(connection, {
    sqlite: async (db) => ({
      deliveries: new SqliteDeliveryStore(db),
      inboxes: new SqliteInboxStore(db),
      settings: new SqliteInboxSettingsStore(db),
    }),
    postgres: async (sql) => ({
      deliveries: new PgDeliveryStore(sql, origin),
      inboxes: await PgInboxStore.open(sql, origin),
      settings: await PgInboxSettingsStore.open(sql, origin),
    }),
  });
  const hub = new EventHub();
  const events: Opened['events'] = [];
  hub.subscribe(<E extends EventName>(name: E, payload: EventPayload<E>) => events.push({ name, payload }));
  return { ...stores, events, methods: deleteMethods({ ...stores, events: hub, defaultInbox: 'default' }) };
}

const deletedIds = (events: Opened['events']) =>
  events.flatMap((e) => (e.name === 'deliveries.deleted' ? (e.payload as { ids: number[] }).ids : []));

const listedIds = async (store: DeliveryStore, inbox?: string) =>
  (await store.search({ limit: 1000, ...(inbox ? { inbox } : {}) })).items.map((i) => i.id);

async function ftsRows(db: EngineDatabase): Promise<number> {
  // PostgreSQL keeps the search vector on the row itself; SQLite in a table of its own.
  const [row] = await db.query(
    db.engine === 'sqlite'
      ? 'SELECT count(*) AS n FROM deliveries_fts'
      : 'SELECT count(*)::int AS n FROM deliveries WHERE search IS NOT NULL',
  );
  return Number(row?.n);
}

describe('Deleting deliveries', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('deletes one delivery and a selection, with their search rows; counts follow and live UIs are told', async (ctx) => {
      const db = await engine.database(ctx);
      const { deliveries, methods, events } = await open(db.main);
      await deliveries.insertAll([delivery(1), delivery(2), delivery(3, { inbox: 'shop' }), delivery(4)]);
      expect(await ftsRows(db)).toBe(4);

      expect(await methods['deliveries.delete']({ deliveryIds: [2] })).toEqual({ deleted: 1 });
      expect(await listedIds(deliveries)).toEqual([4, 3, 1]);
      expect(await deliveries.get(2)).toBeNull();
      // The word only #2 had is no longer found.
      expect((await deliveries.search({ limit: 10, query: 'text 2' })).items).toEqual([]);

      // A selection across inboxes; ids no longer stored are skipped, not an error.
      expect(await methods['deliveries.delete']({ deliveryIds: [1, 2, 3] })).toEqual({ deleted: 2 });
      expect(await listedIds(deliveries)).toEqual([4]);
      expect(await deliveries.count()).toBe(1);
      expect(await deliveries.count('shop')).toBe(0);
      expect(await ftsRows(db)).toBe(1);
      expect(deletedIds(events)).toEqual([2, 1, 3]);
      expect(events.some((e) => e.name === 'inboxes.changed')).toBe(true);

      await expect(methods['deliveries.delete']({ deliveryIds: [99] })).rejects.toMatchObject({
        code: 'not-found',
      });
    });

    it('deletes a first copy: its duplicate stays, and the next copy of the update is a duplicate of that one', async (ctx) => {
      const db = await engine.database(ctx);
      const { deliveries, methods } = await open(db.main);
      const [first, second] = await deliveries.insertAll([delivery(7), delivery(7)]);
      expect(second?.duplicateOf).toBe(first?.id);
      await methods['deliveries.delete']({ deliveryIds: [first?.id ?? 0] });
      const [kept] = (await deliveries.search({ limit: 10 })).items;
      expect(kept).toMatchObject({ id: second?.id, duplicateOf: null, problem: 'duplicate' });
      const [third] = await deliveries.insertAll([delivery(7)]);
      expect(third?.duplicateOf).toBe(second?.id);
    });

    it('counts what a filter matches (the dry run), then deletes exactly that in chunks, not what arrived since', async (ctx) => {
      const db = await engine.database(ctx);
      const { deliveries, methods, events } = await open(db.main);
      const n = DELETE_CHUNK * 2 + 7;
      const batch = Array.from({ length: n }, (_, i) =>
        delivery(1000 + i, { responseStatus: i % 2 === 0 ? 500 : 200 }),
      );
      await deliveries.insertAll(batch);
      const matching = Math.ceil(n / 2);

      const dryRun = await methods['deliveries.countMatching']({ filter: { status: '5xx' } });
      expect(dryRun.count).toBe(matching);
      // Counting deletes nothing.
      expect(await deliveries.count()).toBe(n);

      // Arrives between the confirm being shown and being pressed: not counted, so not deleted.
      const [late] = await deliveries.insertAll([delivery(5000, { responseStatus: 500 })]);
      const result = await methods['deliveries.deleteMatching']({
        filter: { status: '5xx' },
        upToId: dryRun.upToId,
      });
      expect(result).toEqual({ deleted: matching });
      expect(await deliveries.count()).toBe(n - matching + 1);
      const left = (await deliveries.search({ limit: 1000, status: '5xx' })).items.map((i) => i.id);
      expect(left).toEqual([late?.id]);

      // Bounded: no event names more than a chunk of ids.
      const chunks = events.filter((e) => e.name === 'deliveries.deleted');
      expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(matching / DELETE_CHUNK));
      for (const e of chunks)
        expect((e.payload as { ids: number[] }).ids.length).toBeLessThanOrEqual(DELETE_CHUNK);
      expect(deletedIds(events)).toHaveLength(matching);
    });

    it('deletes by full-text search as the list finds it', async (ctx) => {
      const db = await engine.database(ctx);
      const { deliveries, methods } = await open(db.main);
      await deliveries.insertAll([
        delivery(1, { summary: { text: 'refund please' } }),
        delivery(2, { summary: { text: 'hello' } }),
        delivery(3, { summary: { text: 'another refund' } }),
      ]);
      const { count, upToId } = await methods['deliveries.countMatching']({ filter: { query: 'refund' } });
      expect(count).toBe(2);
      expect(await methods['deliveries.deleteMatching']({ filter: { query: 'refund' }, upToId })).toEqual({
        deleted: 2,
      });
      expect(await listedIds(deliveries)).toEqual([2]);
      expect(await ftsRows(db)).toBe(1);
    });

    it('clears an inbox, the default one too, keeping the inbox and the others’ deliveries', async (ctx) => {
      const db = await engine.database(ctx);
      const { deliveries, inboxes, methods } = await open(db.main);
      await inboxes.create('shop');
      await deliveries.insertAll([delivery(1), delivery(2, { inbox: 'shop' }), delivery(3)]);
      expect(await methods['inboxes.clear']({ name: 'default' })).toEqual({ deleted: 2 });
      expect(await listedIds(deliveries)).toEqual([2]);
      expect(inboxes.has('default')).toBe(true);
      expect(await deliveries.count('default')).toBe(0);
      await expect(methods['inboxes.clear']({ name: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('deletes an inbox with its deliveries and settings, but never the default inbox', async (ctx) => {
      const db = await engine.database(ctx);
      const { deliveries, inboxes, settings, methods, events } = await open(db.main);
      await inboxes.create('shop');
      await settings.configure('shop', { retention: { keepCount: 5, keepDays: null } });
      await deliveries.insertAll([
        delivery(1),
        delivery(2, { inbox: 'shop' }),
        delivery(3, { inbox: 'shop' }),
      ]);

      await expect(methods['inboxes.delete']({ name: 'default' })).rejects.toMatchObject({
        code: 'bad-input',
        message: expect.stringContaining('cleared, not deleted'),
      });
      expect(await methods['inboxes.delete']({ name: 'shop' })).toEqual({ deleted: 2 });
      expect(inboxes.has('shop')).toBe(false);
      expect((await inboxes.list()).map((i) => i.name)).toEqual(['default']);
      expect(settings.get('shop').retention).toEqual({ keepCount: null, keepDays: null });
      expect(await listedIds(deliveries)).toEqual([1]);
      expect(deletedIds(events).sort()).toEqual([2, 3]);
      await expect(methods['inboxes.delete']({ name: 'shop' })).rejects.toMatchObject({ code: 'not-found' });

      // Made again, it starts empty, with default settings.
      expect(await inboxes.create('shop')).toBe(true);
      expect(await deliveries.count('shop')).toBe(0);
      expect(settings.get('shop').retention).toEqual({ keepCount: null, keepDays: null });
    });

    it('refuses to delete an inbox a bot profile feeds, naming the profile', async (ctx) => {
      const db = await engine.database(ctx);
      const opened = await open(db.main);
      await opened.inboxes.create('shop');
      const methods = deleteMethods({
        ...opened,
        events: new EventHub(),
        defaultInbox: 'default',
        profiles: { list: async () => [{ name: 'Shop bot', inbox: 'shop' }] },
      });
      await expect(methods['inboxes.delete']({ name: 'shop' })).rejects.toMatchObject({
        code: 'conflict',
        message: 'The bot profile "Shop bot" feeds the inbox "shop": point it at another inbox first.',
      });
      expect(opened.inboxes.has('shop')).toBe(true);
    });

    it('a store opened afterwards (a restart, another replica) sees the deletes', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await open(db.main);
      await a.inboxes.create('shop');
      await a.deliveries.insertAll([delivery(1), delivery(2, { inbox: 'shop' })]);
      await a.methods['inboxes.delete']({ name: 'shop' });
      const b = await open(db.connect(), 'replica-b');
      expect(b.inboxes.has('shop')).toBe(false);
      expect(await b.deliveries.count()).toBe(1);
      expect(await b.deliveries.count('shop')).toBe(0);
    });
  });

  describe('on postgres', () => {
    it('tells the other replicas which ids went, and that the inboxes changed', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const changes = await listenForChanges(db);
      const { deliveries, inboxes, methods } = await open(db.main);
      await inboxes.create('shop');
      const items = await deliveries.insertAll([delivery(1, { inbox: 'shop' }), delivery(2)]);
      await methods['deliveries.delete']({ deliveryIds: [items[1]?.id ?? 0] });
      await methods['inboxes.delete']({ name: 'shop' });
      await waitFor(() => changes.filter((c) => c?.topic === 'deleted').length === 2, {
        what: 'delete notices',
      });
      expect(changes.filter((c) => c?.topic === 'deleted').map((c) => c?.ids)).toEqual([
        [items[1]?.id],
        [items[0]?.id],
      ]);
      expect(changes.some((c) => c?.topic === 'inboxes')).toBe(true);

      // Another replica opened now does not know the inbox.
      const other = await open(db.connect(), 'replica-b');
      expect(other.inboxes.has('shop')).toBe(false);
    });
  });
});
