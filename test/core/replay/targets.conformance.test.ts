import { REPLAY_TARGETS_KEPT } from '@contract';
import { describe, expect, it } from 'vitest';
import { PgReplayTargetStore } from '../../../src-main/core/replay/pg-target-store';
import { SqliteReplayTargetStore } from '../../../src-main/core/replay/sqlite-target-store';
import type { ReplayTargetStore } from '../../../src-main/core/replay/target-store';
import { type Connection, onEngine, useEngines } from '../../support/engines';

const targetStore = (connection: Connection): ReplayTargetStore =>
  onEngine<ReplayTargetStore>(connection, {
    sqlite: (db) => new SqliteReplayTargetStore(db),
    postgres: (sql) => new PgReplayTargetStore(sql),
  });

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const url = (n: number) => `http://127.0.0.1:${8000 + n}/webhook`;

describe('ReplayTargetStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('remembers targets per inbox, most recently used first, a reuse moving one up', async (ctx) => {
      const db = await engine.database(ctx);
      const store = targetStore(db.main);
      await store.remember('default', url(1), T0);
      await store.remember('default', url(2), T0 + 1);
      await store.remember('shop', url(3), T0 + 2);
      await store.remember('default', url(1), T0 + 3);
      expect(await store.list('default')).toEqual([
        { inbox: 'default', url: url(1), name: null, usedAt: new Date(T0 + 3).toISOString() },
        { inbox: 'default', url: url(2), name: null, usedAt: new Date(T0 + 1).toISOString() },
      ]);
      expect((await store.list('shop')).map((t) => t.url)).toEqual([url(3)]);
      expect((await store.list()).map((t) => t.url)).toEqual([url(1), url(3), url(2)]);
    });

    it('names a target, keeps the name through later uses, and takes it away', async (ctx) => {
      const db = await engine.database(ctx);
      const store = targetStore(db.main);
      await store.remember('default', url(1), T0);
      expect(await store.name('default', url(1), 'staging bot', T0 + 5)).toEqual({
        inbox: 'default',
        url: url(1),
        name: 'staging bot',
        usedAt: new Date(T0).toISOString(),
      });
      await store.remember('default', url(1), T0 + 10);
      expect((await store.list('default'))[0]?.name).toBe('staging bot');
      // Naming one never used remembers it.
      await store.name('default', url(2), 'local', T0 + 11);
      expect((await store.list('default')).map((t) => [t.url, t.name])).toEqual([
        [url(2), 'local'],
        [url(1), 'staging bot'],
      ]);
      await store.name('default', url(1), null, T0 + 12);
      expect((await store.list('default')).find((t) => t.url === url(1))?.name).toBeNull();
    });

    it(`keeps at most ${REPLAY_TARGETS_KEPT} per inbox: named ones stay, the oldest unnamed go`, async (ctx) => {
      const db = await engine.database(ctx);
      const store = targetStore(db.main);
      await store.name('default', url(0), 'kept', T0);
      for (let i = 1; i <= REPLAY_TARGETS_KEPT + 5; i++) await store.remember('default', url(i), T0 + i);
      await store.remember('other', url(99), T0);
      const listed = await store.list('default');
      expect(listed).toHaveLength(REPLAY_TARGETS_KEPT);
      expect(listed.map((t) => t.url)).toContain(url(0));
      // The newest unnamed ones fill the rest.
      expect(listed.map((t) => t.url)).toContain(url(REPLAY_TARGETS_KEPT + 5));
      expect(listed.map((t) => t.url)).not.toContain(url(6));
      expect(await store.list('other')).toHaveLength(1);
    });

    it('forgets a target, and says whether there was one', async (ctx) => {
      const db = await engine.database(ctx);
      const store = targetStore(db.main);
      await store.remember('default', url(1), T0);
      expect(await store.forget('default', url(1))).toBe(true);
      expect(await store.forget('default', url(1))).toBe(false);
      expect(await store.list('default')).toEqual([]);
    });

    it('shows another replica’s (or process’s) targets at once', async (ctx) => {
      const db = await engine.database(ctx);
      await targetStore(db.main).remember('default', url(1), T0);
      expect((await targetStore(db.connect()).list('default')).map((t) => t.url)).toEqual([url(1)]);
    });
  });
});
