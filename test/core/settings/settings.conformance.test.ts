import type { ResponseRule } from '@contract';
import { describe, expect, it } from 'vitest';
import { PgProfileStore } from '../../../src-main/core/profiles/pg-store';
import { SqliteProfileStore } from '../../../src-main/core/profiles/sqlite-store';
import type { ProfileStore } from '../../../src-main/core/profiles/store';
import type { SecretBox } from '../../../src-main/core/secrets/secret-box';
import { PgInboxSettingsStore } from '../../../src-main/core/settings/pg-settings-store';
import { SqliteInboxSettingsStore } from '../../../src-main/core/settings/sqlite-settings-store';
import type { InboxSettingsStore } from '../../../src-main/core/settings/store';
import { type Connection, onEngine, useEngines } from '../../support/engines';
import { listenForChanges } from '../../support/pg-changes';
import { waitFor } from '../../support/wait';

const settingsStore = (connection: Connection, origin = 'replica-a'): Promise<InboxSettingsStore> =>
  onEngine<Promise<InboxSettingsStore>>(connection, {
    sqlite: async (db) => new SqliteInboxSettingsStore(db),
    postgres: (sql) => PgInboxSettingsStore.open(sql, origin),
  });

const profileStore = (connection: Connection, box: SecretBox): ProfileStore =>
  onEngine<ProfileStore>(connection, {
    sqlite: (db) => new SqliteProfileStore(db, box),
    postgres: (sql) => new PgProfileStore(sql, 'replica-a', box),
  });

const rule = (over: Partial<ResponseRule> = {}): ResponseRule => ({
  status: 503,
  body: 'busy',
  delayMs: 0,
  firstN: null,
  rate: null,
  ...over,
});

const forwarding = { url: 'http://127.0.0.1:9/hook', mode: 'tap' as const };
const NONE = {
  forwarding: null,
  rule: null,
  ruleHits: 0,
  retention: { keepCount: null, keepDays: null },
  secretCheck: null,
};

/** `n` takes of the rule, one after another. */
async function take(store: InboxSettingsStore, n: number, random?: () => number) {
  const answers: Array<ResponseRule | null> = [];
  for (let i = 0; i < n; i++) answers.push(await store.takeRule('default', random));
  return answers;
}

describe('InboxSettingsStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('has nothing for an inbox never configured', async (ctx) => {
      const store = await settingsStore((await engine.database(ctx)).main);
      expect(store.get('default')).toEqual({ inbox: 'default', ...NONE });
      expect(store.all()).toEqual([]);
      expect(await store.takeRule('default')).toBeNull();
    });

    it('sets each part, keeps the parts a change does not name, and reads them back after a restart', async (ctx) => {
      const db = await engine.database(ctx);
      const store = await settingsStore(db.main);
      expect(await store.configure('default', { forwarding })).toEqual({
        inbox: 'default',
        ...NONE,
        forwarding,
      });
      await store.configure('default', { rule: rule({ firstN: 2 }) });
      const settings = await store.configure('default', { retention: { keepCount: 100, keepDays: 1.5 } });
      const expected = {
        inbox: 'default',
        forwarding,
        rule: rule({ firstN: 2 }),
        ruleHits: 0,
        retention: { keepCount: 100, keepDays: 1.5 },
        secretCheck: null,
      };
      expect(settings).toEqual(expected);
      expect(store.get('default')).toEqual(expected);
      await store.configure('other', { retention: { keepCount: null, keepDays: 7 } });
      expect(store.all().sort((x, y) => x.inbox.localeCompare(y.inbox))).toEqual([
        expected,
        { inbox: 'other', ...NONE, retention: { keepCount: null, keepDays: 7 } },
      ]);
      expect((await settingsStore(db.connect())).get('default')).toEqual(expected);

      // null removes; retention is replaced whole.
      await store.configure('default', { forwarding: null, retention: { keepCount: 5, keepDays: null } });
      expect(store.get('default')).toMatchObject({
        forwarding: null,
        retention: { keepCount: 5, keepDays: null },
      });
    });

    it('counts a rule’s first N, and a new or removed rule starts again', async (ctx) => {
      const store = await settingsStore((await engine.database(ctx)).main);
      await store.configure('default', { rule: rule({ firstN: 2 }) });
      expect(await take(store, 3)).toEqual([rule({ firstN: 2 }), rule({ firstN: 2 }), null]);
      expect(store.get('default').ruleHits).toBe(2);

      await store.configure('default', { forwarding });
      expect(store.get('default').ruleHits).toBe(2);
      await store.configure('default', { rule: rule({ firstN: 1, status: 500 }) });
      expect(store.get('default').ruleHits).toBe(0);
      expect(await take(store, 2)).toEqual([rule({ firstN: 1, status: 500 }), null]);

      await store.configure('default', { rule: null });
      expect(store.get('default')).toMatchObject({ rule: null, ruleHits: 0 });
      expect(await store.takeRule('default')).toBeNull();
    });

    it('answers every delivery while a rule has no first N, counting them', async (ctx) => {
      const store = await settingsStore((await engine.database(ctx)).main);
      await store.configure('default', { rule: rule() });
      expect(await take(store, 4)).toEqual([rule(), rule(), rule(), rule()]);
      expect(store.get('default').ruleHits).toBe(4);
    });

    it('draws before counting: a rate rule’s losing draw answers null and does not count toward N', async (ctx) => {
      const store = await settingsStore((await engine.database(ctx)).main);
      const r = rule({ rate: 0.5, firstN: 2 });
      await store.configure('default', { rule: r });
      const draws = [0.9, 0.1, 0.5, 0.2, 0.0];
      let drawn = 0;
      const random = () => draws[drawn++] ?? 1;
      expect(await take(store, 5, random)).toEqual([null, r, null, r, null]);
      // The fifth draw was never made: the first N were used up, so nothing was drawn.
      expect(drawn).toBe(4);
      expect(store.get('default').ruleHits).toBe(2);
    });

    it('counts first N across two replicas: 3 of 10 takes answered, however they interleave', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await settingsStore(db.main, 'replica-a');
      await a.configure('default', { rule: rule({ firstN: 3 }) });
      const b = await settingsStore(db.connect(), 'replica-b');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).takeRule('default')),
      );
      expect(answers.filter((x) => x !== null)).toHaveLength(3);
      // Each replica's memory has the database's count, its own hits and the other's.
      expect(a.get('default').ruleHits).toBe(3);
      expect(b.get('default').ruleHits).toBe(3);
      expect(await a.takeRule('default')).toBeNull();
      expect(await b.takeRule('default')).toBeNull();
    });

    it('keeps the cache’s count in step with hits the other replica took', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await settingsStore(db.main, 'replica-a');
      await a.configure('default', { rule: rule({ firstN: 5 }) });
      const b = await settingsStore(db.connect(), 'replica-b');
      await take(b, 2);
      expect(a.get('default').ruleHits).toBe(0);
      await a.takeRule('default');
      expect(a.get('default').ruleHits).toBe(3);
    });

    it('picks up on reload what another replica configured', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await settingsStore(db.main, 'replica-a');
      const b = await settingsStore(db.connect(), 'replica-b');
      await a.configure('default', { forwarding, rule: rule() });
      expect(b.get('default')).toEqual({ inbox: 'default', ...NONE });
      // Until it reloads, b knows of no rule and asks nobody.
      expect(await b.takeRule('default')).toBeNull();
      await b.reload();
      expect(b.get('default')).toEqual(a.get('default'));
      expect(b.all()).toEqual(a.all());
      expect(await b.takeRule('default')).toEqual(rule());
    });

    it('does not undo another replica’s change from a memory that is behind', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await settingsStore(db.main, 'replica-a');
      const b = await settingsStore(db.connect(), 'replica-b');
      await a.configure('default', { forwarding, retention: { keepCount: 10, keepDays: null } });
      const fromB = await b.configure('default', { rule: rule() });
      expect(fromB).toEqual({
        inbox: 'default',
        forwarding,
        rule: rule(),
        ruleHits: 0,
        retention: { keepCount: 10, keepDays: null },
        secretCheck: null,
      });
      await a.reload();
      expect(a.get('default')).toEqual(fromB);
    });

    it('answers with the database’s rule when another replica replaced it, and null when it removed it', async (ctx) => {
      const db = await engine.database(ctx);
      const a = await settingsStore(db.main, 'replica-a');
      await a.configure('default', { rule: rule({ status: 500 }) });
      const b = await settingsStore(db.connect(), 'replica-b');
      await a.configure('default', { rule: rule({ status: 429 }) });
      expect(await b.takeRule('default')).toEqual(rule({ status: 429 }));
      expect(b.get('default').rule).toEqual(rule({ status: 429 }));
      await a.configure('default', { rule: null });
      expect(await b.takeRule('default')).toBeNull();
      expect(b.get('default').rule).toBeNull();
    });

    it('stores a rule body with U+0000: SQLite keeps it, PostgreSQL (jsonb) shows it as U+FFFD', async (ctx) => {
      const db = await engine.database(ctx);
      const store = await settingsStore(db.main);
      const stored = await store.configure('default', { rule: rule({ body: 'a\u0000b' }) });
      // The one difference between the engines: jsonb cannot hold U+0000 (see text-value.ts).
      const body = engine.name === 'sqlite' ? 'a\u0000b' : 'a\uFFFDb';
      expect(stored.rule?.body).toBe(body);
      expect(store.get('default').rule?.body).toBe(body);
      expect((await settingsStore(db.connect())).get('default').rule?.body).toBe(body);
      expect((await store.takeRule('default'))?.body).toBe(body);
    });

    it('keeps which profile feeds an inbox and whether bad secrets are refused; a deleted profile ends the check', async (ctx) => {
      const db = await engine.database(ctx);
      const profiles = profileStore(db.main, db.box);
      const bot = await profiles.create({
        name: 'Shop',
        platform: 'telegram',
        baseUrl: 'https://api.telegram.org',
        publicUrl: '',
        inbox: 'default',
        appId: null,
        webhookSecret: 'shop_secret',
      });
      const store = await settingsStore(db.main);
      await store.configure('default', { forwarding });
      const set = await store.configure('default', { secretCheck: { profileId: bot.id, reject: true } });
      expect(set).toEqual({
        inbox: 'default',
        ...NONE,
        forwarding,
        secretCheck: { profileId: bot.id, reject: true },
      });
      // Other changes leave it; a restart reads it back.
      await store.configure('default', { retention: { keepCount: 3, keepDays: null } });
      expect(store.get('default').secretCheck).toEqual({ profileId: bot.id, reject: true });
      expect((await settingsStore(db.connect())).get('default').secretCheck).toEqual({
        profileId: bot.id,
        reject: true,
      });
      await store.configure('default', { secretCheck: { profileId: bot.id, reject: false } });
      expect(store.get('default').secretCheck).toEqual({ profileId: bot.id, reject: false });

      await profiles.delete(bot.id);
      await store.reload();
      expect(store.get('default')).toMatchObject({ forwarding, secretCheck: null });
      await store.configure('default', { secretCheck: null });
      expect(store.get('default').secretCheck).toBeNull();
    });
  });

  describe('on postgres: change notices', () => {
    it('says "settings" on every configure; a rule hit says nothing (that would be a notice per delivery)', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const changes = await listenForChanges(db);
      const store = await settingsStore(db.main, 'replica-a');
      await store.configure('default', { rule: rule() });
      await waitFor(() => changes.length === 1, { what: 'the first notice' });
      expect(await store.takeRule('default')).toEqual(rule());
      await store.configure('default', { forwarding });
      // Notices arrive in commit order: a notice from the hit would come before this one.
      await waitFor(() => changes.length >= 2, { what: 'the second notice' });
      expect(changes).toEqual([
        { origin: 'replica-a', topic: 'settings' },
        { origin: 'replica-a', topic: 'settings' },
      ]);
    });
  });
});
