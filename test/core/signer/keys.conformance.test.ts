import { describe, expect, it } from 'vitest';
import { PgProfileStore } from '../../../src-main/core/profiles/pg-store';
import { SqliteProfileStore } from '../../../src-main/core/profiles/sqlite-store';
import type { ProfileStore } from '../../../src-main/core/profiles/store';
import type { SecretBox } from '../../../src-main/core/secrets/secret-box';
import type { KeyStore } from '../../../src-main/core/signer/key-store';
import { PgKeyStore } from '../../../src-main/core/signer/pg-key-store';
import { SqliteKeyStore } from '../../../src-main/core/signer/sqlite-key-store';
import { type Connection, type EngineDatabase, onEngine, useEngines } from '../../support/engines';
import { waitFor } from '../../support/wait';

const keyStore = (connection: Connection, box: SecretBox): KeyStore =>
  onEngine<KeyStore>(connection, {
    sqlite: (db) => new SqliteKeyStore(db, box),
    postgres: (sql) => new PgKeyStore(sql, box),
  });

const profileStore = (db: EngineDatabase): ProfileStore =>
  onEngine<ProfileStore>(db.main, {
    sqlite: (sqlite) => new SqliteProfileStore(sqlite, db.box),
    postgres: (sql) => new PgProfileStore(sql, 'replica-a', db.box),
  });

const newBot = async (profiles: ProfileStore, name: string) =>
  (
    await profiles.create({
      name,
      platform: 'telegram',
      baseUrl: 'https://api.telegram.org',
      publicUrl: '',
      inbox: 'default',
      appId: null,
    })
  ).id;

/** A database with one bot profile, and its key store. */
async function withBot(db: EngineDatabase) {
  const profiles = profileStore(db);
  return { profiles, bot: await newBot(profiles, 'Bot'), keys: keyStore(db.main, db.box) };
}

const kids = (map: Map<string, Buffer>) => [...map.keys()];

const lockWaiters = async (db: EngineDatabase) =>
  Number(
    (
      await db.query(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    )[0]?.n,
  );

describe('KeyStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('makes a bot’s first key on first use and signs with it from then on', async (ctx) => {
      const { keys, bot } = await withBot(await engine.database(ctx));
      expect(await keys.list(bot)).toEqual([]);
      const first = await keys.active(bot);
      expect(first.kid).toMatch(/^k[0-9a-f]{8}$/);
      expect(first.secret).toHaveLength(32);
      expect(await keys.active(bot)).toEqual(first);
      expect(await keys.verifying(bot)).toEqual(new Map([[first.kid, first.secret]]));
      expect(await keys.list(bot)).toEqual([
        { kid: first.kid, createdAt: expect.any(String), retiredAt: null, active: true },
      ]);
    });

    it('rotates: the newest key signs, the older ones still verify, newest listed first', async (ctx) => {
      const { keys, bot } = await withBot(await engine.database(ctx));
      const first = await keys.active(bot);
      const second = await keys.rotate(bot);
      // Rotated twice within a millisecond or not, the newest key is the one that signs.
      const third = await keys.rotate(bot);
      expect(await keys.active(bot)).toEqual(third);
      expect(await keys.verifying(bot)).toEqual(
        new Map([
          [third.kid, third.secret],
          [second.kid, second.secret],
          [first.kid, first.secret],
        ]),
      );
      const listed = await keys.list(bot);
      expect(listed.map((k) => [k.kid, k.active])).toEqual([
        [third.kid, true],
        [second.kid, false],
        [first.kid, false],
      ]);
      const times = listed.map((k) => Date.parse(k.createdAt));
      expect(times).toEqual([...times].sort((x, y) => y - x));
    });

    it('retires: a retired key no longer verifies, once; retiring the signer makes a fresh one, never an older one', async (ctx) => {
      const { keys, bot } = await withBot(await engine.database(ctx));
      const first = await keys.active(bot);
      const second = await keys.rotate(bot);
      expect(await keys.retire(bot, first.kid)).toEqual({ replacedBy: null });
      expect(await keys.retire(bot, first.kid)).toBeNull();
      expect(await keys.retire(bot, 'k00000000')).toBeNull();
      expect(kids(await keys.verifying(bot))).toEqual([second.kid]);
      const retired = (await keys.list(bot)).find((k) => k.kid === first.kid);
      expect(retired).toMatchObject({ active: false, retiredAt: expect.any(String) });
      expect(Math.abs(Date.parse(retired?.retiredAt ?? '') - Date.now())).toBeLessThan(60_000);

      // Rotated away from `second` (say it leaked), then the new signer is retired: `second` must not sign again.
      const third = await keys.rotate(bot);
      const replaced = await keys.retire(bot, third.kid);
      const fresh = replaced?.replacedBy ?? '';
      expect([first.kid, second.kid, third.kid, '']).not.toContain(fresh);
      expect((await keys.active(bot)).kid).toBe(fresh);
      expect((await keys.list(bot)).filter((k) => k.active).map((k) => k.kid)).toEqual([fresh]);
      expect(kids(await keys.verifying(bot))).toEqual([fresh, second.kid]);
      // Retiring a key that only verifies makes none.
      expect(await keys.retire(bot, second.kid)).toEqual({ replacedBy: null });
      expect(kids(await keys.verifying(bot))).toEqual([fresh]);
    });

    it('retires only the bot’s own keys', async (ctx) => {
      const db = await engine.database(ctx);
      const { keys, bot, profiles } = await withBot(db);
      const other = await newBot(profiles, 'Other');
      const theirs = await keys.active(other);
      expect(await keys.retire(bot, theirs.kid)).toBeNull();
      expect((await keys.active(other)).kid).toBe(theirs.kid);
    });

    it('keeps each bot’s keys apart, and drops them with their bot', async (ctx) => {
      const db = await engine.database(ctx);
      const { keys, bot, profiles } = await withBot(db);
      const other = await newBot(profiles, 'Other');
      const mine = await keys.active(bot);
      const theirs = await keys.active(other);
      expect(mine.kid).not.toBe(theirs.kid);
      expect(kids(await keys.verifying(other))).toEqual([theirs.kid]);
      await profiles.delete(bot);
      expect(await keys.list(bot)).toEqual([]);
      expect(await db.query('SELECT kid FROM signing_keys')).toEqual([{ kid: theirs.kid }]);
    });

    it('refuses a key for a bot that does not exist', async (ctx) => {
      const { keys, bot } = await withBot(await engine.database(ctx));
      await expect(keys.rotate(bot + 1000)).rejects.toThrow();
      await expect(keys.active(bot + 1000)).rejects.toThrow();
    });

    it('seals keys at rest: the column holds neither the key bytes nor their base64', async (ctx) => {
      const db = await engine.database(ctx);
      const { keys, bot } = await withBot(db);
      const key = await keys.active(bot);
      const [row] = await db.query('SELECT secret FROM signing_keys WHERE kid = $1', [key.kid]);
      const sealed = row?.secret as Buffer;
      expect(Buffer.isBuffer(sealed)).toBe(true);
      expect(sealed.includes(key.secret)).toBe(false);
      expect(sealed.includes(Buffer.from(key.secret.toString('base64')))).toBe(false);
    });

    it('fails the same way on both engines when a key was sealed with another key file', async (ctx) => {
      const db = await engine.database(ctx);
      const { keys, bot } = await withBot(db);
      await keys.active(bot);
      const elsewhere = keyStore(db.connect(), db.otherBox());
      const message =
        /A stored secret cannot be decrypted: secret.key was replaced or the database copied from elsewhere/;
      await expect(elsewhere.active(bot)).rejects.toThrow(message);
      await expect(elsewhere.verifying(bot)).rejects.toThrow(message);
      // Listing shows no secret, so it still works.
      expect(await elsewhere.list(bot)).toHaveLength(1);
    });

    it('agrees on one first key when two replicas sign for a new bot at once', async (ctx) => {
      const db = await engine.database(ctx);
      const { keys, bot } = await withBot(db);
      const other = keyStore(db.connect(), db.box);
      const got = await Promise.all([
        keys.active(bot),
        other.active(bot),
        keys.active(bot),
        other.active(bot),
      ]);
      expect(new Set(got.map((k) => k.kid)).size).toBe(1);
      expect(await keys.list(bot)).toHaveLength(1);
    });
  });

  describe('on postgres: the first key of a bot', () => {
    it('is made once when replicas ask at the same moment: they queue on the bot’s row and look again', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const { keys, bot } = await withBot(db);
      const other = keyStore(db.connect(), db.box);
      const holder = db.connect();
      if (holder.engine !== 'postgres') throw new Error('postgres only');
      // Hold the bot's row so that both replicas have looked, found no key, and wait on it together.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = false;
      const holding = holder.sql.begin(async (tx) => {
        await tx`SELECT 1 FROM bot_profiles WHERE id = ${bot} FOR UPDATE`;
        locked = true;
        await held;
      });
      await waitFor(() => locked, { what: 'the row lock' });
      const asked = Promise.all([keys.active(bot), other.active(bot)]);
      await waitFor(async () => (await lockWaiters(db)) === 2, { what: 'both replicas waiting' });
      release();
      await holding;
      const [a, b] = await asked;
      expect(a).toEqual(b);
      expect(await keys.list(bot)).toHaveLength(1);
    });
  });
});
