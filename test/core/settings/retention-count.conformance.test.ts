import { describe, expect, it } from 'vitest';
import {
  PgRetentionCounter,
  type RetentionCounter,
  SqliteRetentionCounter,
} from '../../../src-main/core/settings/retention-count';
import { type Connection, insertBareDelivery, onEngine, useEngines } from '../../support/engines';

const counter = (connection: Connection): RetentionCounter =>
  onEngine<RetentionCounter>(connection, {
    sqlite: (db) => new SqliteRetentionCounter(db),
    postgres: (sql) => new PgRetentionCounter(sql),
  });

describe('RetentionCounter', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('counts what a retention setting would delete now, and deletes nothing', async (ctx) => {
      const db = await engine.database(ctx);
      for (let i = 0; i < 5; i++) await insertBareDelivery(db);
      const count = counter(db.main);
      expect(await count.count('default', 2, null)).toBe(3);
      expect(await count.count('default', 5, null)).toBe(0);
      expect(await count.count('default', 10, null)).toBe(0);
      // Every delivery is older than a moment from now.
      expect(await count.count('default', null, Date.now() + 60_000)).toBe(5);
      expect(await count.count('default', 4, Date.now() + 60_000)).toBe(5);
      expect(await count.count('elsewhere', 1, null)).toBe(0);
      const [left] = await db.query('SELECT count(*) AS n FROM deliveries');
      expect(Number(left?.n)).toBe(5);
    });
  });
});
