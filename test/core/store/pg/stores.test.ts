import { describe, expect, it } from 'vitest';
import type { DeliveryStore } from '../../../../src-main/core/deliveries/store';
import { pgStores } from '../../../../src-main/core/store/pg/stores';
import { useEngines } from '../../../support/engines';

describe('pgStores', () => {
  const engines = useEngines();

  it('puts every store on the one database, the ones answered from memory already loaded', async (ctx) => {
    const db = await engines.postgres.database(ctx);
    if (db.main.engine !== 'postgres') throw new Error('postgres only');
    // Deliveries have a store of their own, made by the caller: this one only has to be handed through.
    const deliveries = {} as DeliveryStore;
    await db.query(`INSERT INTO inboxes (name) VALUES ('made-before')`);
    await db.query(`INSERT INTO inbox_settings (inbox, keep_count) VALUES ('made-before', 3)`);
    const stores = await pgStores(db.main.sql, 'replica-a', db.box, deliveries);
    expect(stores.engine).toBe('postgres');
    expect(stores.deliveries).toBe(deliveries);
    expect(stores.inboxes.has('made-before')).toBe(true);
    expect(stores.inboxSettings.get('made-before').retention).toEqual({ keepCount: 3, keepDays: null });
    const profile = await stores.profiles.create({
      name: 'Bot',
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      publicUrl: '',
      inbox: 'default',
      appId: null,
      token: 't',
    });
    expect((await stores.profiles.get(profile.id))?.token).toBe('t');
    expect((await stores.keys.active(profile.id)).secret).toHaveLength(32);
    expect((await stores.commands.list()).map((c) => c.name)).toEqual(['hello']);
    expect(await stores.replies.list(profile.id, 10)).toEqual([]);
    expect(await stores.attempts.list(1)).toEqual([]);
    expect(await stores.linkDefaults.get()).toEqual({ expiresIn: 7 * 24 * 60 * 60 });
  });
});
