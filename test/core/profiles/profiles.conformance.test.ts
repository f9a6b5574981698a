import { ContractError } from '@contract';
import { describe, expect, it } from 'vitest';
import { PgProfileStore } from '../../../src-main/core/profiles/pg-store';
import { SqliteProfileStore } from '../../../src-main/core/profiles/sqlite-store';
import type { ProfileFields, ProfileStore } from '../../../src-main/core/profiles/store';
import type { SecretBox } from '../../../src-main/core/secrets/secret-box';
import { type Connection, type EngineDatabase, onEngine, useEngines } from '../../support/engines';
import { listenForChanges } from '../../support/pg-changes';
import { waitFor } from '../../support/wait';

const profileStore = (connection: Connection, box: SecretBox, origin = 'replica-a'): ProfileStore =>
  onEngine<ProfileStore>(connection, {
    sqlite: (db) => new SqliteProfileStore(db, box),
    postgres: (sql) => new PgProfileStore(sql, origin, box),
  });

const fields = (over: Partial<ProfileFields> = {}): ProfileFields => ({
  name: 'Bot',
  platform: 'telegram',
  baseUrl: 'https://api.telegram.org',
  publicUrl: '',
  inbox: 'default',
  appId: null,
  ...over,
});

const TOKEN = '123456:telegram-token-plaintext';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.jwt-plaintext.sig';
const HOOK_SECRET = 'webhook-secret-plaintext';

/** The sealed columns as the database holds them. */
async function sealedColumns(db: EngineDatabase, id: number) {
  const [row] = await db.query('SELECT token, jwt, webhook_secret FROM bot_profiles WHERE id = $1', [id]);
  return row as { token: Buffer | null; jwt: Buffer | null; webhook_secret: Buffer | null };
}

describe('ProfileStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('creates a profile, shows whether secrets are set but never them, and gives them to core on get', async (ctx) => {
      const db = await engine.database(ctx);
      const store = profileStore(db.main, db.box);
      const created = await store.create(
        fields({ appId: 'app-1', publicUrl: 'https://example.test/webhook', token: TOKEN, jwt: '' }),
      );
      expect(created).toEqual({
        id: expect.any(Number),
        name: 'Bot',
        platform: 'telegram',
        baseUrl: 'https://api.telegram.org',
        publicUrl: 'https://example.test/webhook',
        inbox: 'default',
        appId: 'app-1',
        hasToken: true,
        hasJwt: false,
        hasWebhookSecret: false,
        sandbox: false,
        createdAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(created.createdAt) - Date.now())).toBeLessThan(60_000);
      expect(await store.list()).toEqual([created]);
      expect(await store.get(created.id)).toEqual({
        ...created,
        token: TOKEN,
        jwt: null,
        webhookSecret: null,
      });
      expect(await store.get(created.id + 1000)).toBeNull();
    });

    it('seals secrets at rest: the columns hold neither the plaintext nor its bytes', async (ctx) => {
      const db = await engine.database(ctx);
      const { id } = await profileStore(db.main, db.box).create(
        fields({ token: TOKEN, jwt: JWT, webhookSecret: HOOK_SECRET }),
      );
      const raw = await sealedColumns(db, id);
      for (const [column, plain] of [
        [raw.token, TOKEN],
        [raw.jwt, JWT],
        [raw.webhook_secret, HOOK_SECRET],
      ] as const) {
        expect(Buffer.isBuffer(column)).toBe(true);
        expect(column?.includes(Buffer.from(plain))).toBe(false);
        expect(db.box.decrypt(column as Buffer)).toBe(plain);
      }
    });

    it('saves: an omitted secret is kept, an empty or null one removed, a new one sealed anew', async (ctx) => {
      const db = await engine.database(ctx);
      const store = profileStore(db.main, db.box);
      const { id } = await store.create(fields({ token: TOKEN, jwt: JWT, webhookSecret: HOOK_SECRET }));
      const before = await sealedColumns(db, id);

      const saved = await store.save(
        id,
        fields({ name: 'Renamed', inbox: 'other', token: 'new-token', jwt: '' }),
      );
      expect(saved).toMatchObject({ id, name: 'Renamed', inbox: 'other', hasToken: true, hasJwt: false });
      expect(saved?.hasWebhookSecret).toBe(true);
      expect(await store.get(id)).toMatchObject({
        token: 'new-token',
        jwt: null,
        webhookSecret: HOOK_SECRET,
      });
      const after = await sealedColumns(db, id);
      expect(after.webhook_secret).toEqual(before.webhook_secret);
      expect(after.token).not.toEqual(before.token);

      await store.save(id, fields({ webhookSecret: null }));
      expect(await store.get(id)).toMatchObject({ name: 'Bot', token: 'new-token', webhookSecret: null });
      expect(await store.save(id + 1000, fields())).toBeNull();
    });

    it('lists the sandbox bot first, then by name in byte order, then by id', async (ctx) => {
      const db = await engine.database(ctx);
      const store = profileStore(db.main, db.box);
      const b1 = await store.create(fields({ name: 'b' }));
      const upper = await store.create(fields({ name: 'Z' }));
      const sandbox = await store.create(fields({ name: 'Sandbox bot' }), { sandbox: true });
      const b2 = await store.create(fields({ name: 'b' }));
      expect((await store.list()).map((p) => p.id)).toEqual([sandbox.id, upper.id, b1.id, b2.id]);
    });

    it('knows the one sandbox profile and refuses a second', async (ctx) => {
      const db = await engine.database(ctx);
      const store = profileStore(db.main, db.box);
      expect(await store.sandbox()).toBeNull();
      await store.create(fields({ name: 'Mine' }));
      const sandbox = await store.create(fields({ name: 'Sandbox bot', token: TOKEN }), { sandbox: true });
      expect(sandbox.sandbox).toBe(true);
      expect(await store.sandbox()).toEqual({ ...sandbox, token: TOKEN, jwt: null, webhookSecret: null });
      await expect(store.create(fields({ name: 'Another' }), { sandbox: true })).rejects.toThrow();
      expect((await store.list()).filter((p) => p.sandbox)).toEqual([sandbox]);
    });

    it('deletes, once', async (ctx) => {
      const db = await engine.database(ctx);
      const store = profileStore(db.main, db.box);
      const { id } = await store.create(fields());
      expect(await store.delete(id)).toBe(true);
      expect(await store.delete(id)).toBe(false);
      expect(await store.get(id)).toBeNull();
      expect(await store.list()).toEqual([]);
    });

    it('says a secret sealed with another key cannot be opened here, with the same ContractError', async (ctx) => {
      const db = await engine.database(ctx);
      const { id } = await profileStore(db.main, db.box).create(fields({ name: 'Prod', jwt: JWT }));
      const elsewhere = profileStore(db.connect(), db.otherBox(), 'replica-b');
      // Listing needs no secret.
      expect((await elsewhere.list()).map((p) => p.name)).toEqual(['Prod']);
      const error = await elsewhere.get(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContractError);
      expect(error).toMatchObject({
        code: 'conflict',
        message:
          'The JWT of profile "Prod" cannot be decrypted here (it was saved by the desktop app or with another key file): enter it again in Profiles.',
      });
      await expect(elsewhere.sandbox()).resolves.toBeNull();
    });

    it('keeps both secrets when two replicas each change one at once', async (ctx) => {
      const db = await engine.database(ctx);
      const a = profileStore(db.main, db.box, 'replica-a');
      const b = profileStore(db.connect(), db.box, 'replica-b');
      const { id } = await a.create(fields({ token: TOKEN, jwt: JWT }));
      await Promise.all([
        a.save(id, fields({ token: 'token-from-a' })),
        b.save(id, fields({ jwt: 'jwt-from-b' })),
      ]);
      expect(await a.get(id)).toMatchObject({ token: 'token-from-a', jwt: 'jwt-from-b' });
    });

    it('stores U+0000: a name as SQLite keeps it and PostgreSQL shows it (U+FFFD); a secret exactly on both', async (ctx) => {
      const db = await engine.database(ctx);
      const store = profileStore(db.main, db.box);
      const { id, name } = await store.create(fields({ name: 'a\u0000b', token: 'to\u0000ken' }));
      // The one difference between the engines: PostgreSQL text cannot hold U+0000 (see text-value.ts).
      const expected = engine.name === 'sqlite' ? 'a\u0000b' : 'a\uFFFDb';
      expect(name).toBe(expected);
      // Secrets are sealed bytes (BLOB, bytea) on both: nothing is replaced.
      expect(await store.get(id)).toMatchObject({ name: expected, token: 'to\u0000ken' });
    });
  });

  describe('on postgres: change notices', () => {
    it('says "profiles" on create, save and delete; a save or delete of no profile says nothing', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const changes = await listenForChanges(db);
      const store = profileStore(db.main, db.box, 'replica-a');
      const { id } = await store.create(fields());
      await store.save(id, fields({ name: 'Renamed' }));
      await waitFor(() => changes.length === 2, { what: 'two notices' });
      expect(await store.save(id + 1000, fields())).toBeNull();
      expect(await store.delete(id + 1000)).toBe(false);
      await store.delete(id);
      // Notices arrive in commit order: any from the writes that found nothing would come before this one.
      await waitFor(() => changes.length >= 3, { what: 'the third notice' });
      expect(changes).toEqual(Array.from({ length: 3 }, () => ({ origin: 'replica-a', topic: 'profiles' })));
    });
  });
});
