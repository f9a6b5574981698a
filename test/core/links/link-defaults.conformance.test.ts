import { describe, expect, it } from 'vitest';
import { type LinkDefaultsStore, SqliteLinkDefaultsStore } from '../../../src-main/core/links/link-defaults';
import { PgLinkDefaultsStore } from '../../../src-main/core/links/pg-link-defaults';
import { type Connection, onEngine, useEngines } from '../../support/engines';
import { listenForChanges } from '../../support/pg-changes';
import { waitFor } from '../../support/wait';

const defaultsStore = (connection: Connection, origin = 'replica-a'): LinkDefaultsStore =>
  onEngine<LinkDefaultsStore>(connection, {
    sqlite: (db) => new SqliteLinkDefaultsStore(db),
    postgres: (sql) => new PgLinkDefaultsStore(sql, origin),
  });

const WEEK_S = 7 * 24 * 60 * 60;

describe('LinkDefaultsStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('gives a week until set, then what was set, never expiring included', async (ctx) => {
      const store = defaultsStore((await engine.database(ctx)).main);
      expect(await store.get()).toEqual({ expiresIn: WEEK_S });
      expect(await store.set({ expiresIn: 3600 })).toEqual({ expiresIn: 3600 });
      expect(await store.get()).toEqual({ expiresIn: 3600 });
      expect(await store.set({ expiresIn: null })).toEqual({ expiresIn: null });
      expect(await store.get()).toEqual({ expiresIn: null });
    });

    it('is one value for every replica', async (ctx) => {
      const db = await engine.database(ctx);
      await defaultsStore(db.main, 'replica-a').set({ expiresIn: 60 });
      expect(await defaultsStore(db.connect(), 'replica-b').get()).toEqual({ expiresIn: 60 });
    });

    it('fills in the default for a value an older version stored without it', async (ctx) => {
      const db = await engine.database(ctx);
      await db.query(`INSERT INTO settings (name, value) VALUES ('links.defaults', '{}')`);
      expect(await defaultsStore(db.main).get()).toEqual({ expiresIn: WEEK_S });
    });
  });

  describe('on postgres: change notices', () => {
    it('says "settings" when set, for the UI clients of other replicas', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const changes = await listenForChanges(db);
      await defaultsStore(db.main, 'replica-a').set({ expiresIn: 60 });
      await waitFor(() => changes.length >= 1, { what: 'the notice' });
      expect(changes).toEqual([{ origin: 'replica-a', topic: 'settings' }]);
    });
  });
});
