import { describe, expect, it } from 'vitest';
import { PgCommandStore } from '../../../src-main/core/commands/pg-store';
import { SqliteCommandStore } from '../../../src-main/core/commands/sqlite-store';
import type { CommandStore } from '../../../src-main/core/commands/store';
import { type Connection, onEngine, useEngines } from '../../support/engines';
import { listenForChanges } from '../../support/pg-changes';
import { waitFor } from '../../support/wait';

const commandStore = (connection: Connection, origin = 'replica-a'): CommandStore =>
  onEngine<CommandStore>(connection, {
    sqlite: (db) => new SqliteCommandStore(db),
    postgres: (sql) => new PgCommandStore(sql, origin),
  });

const recent = (iso: string | undefined) => Math.abs(Date.parse(iso ?? '') - Date.now()) < 60_000;

describe('CommandStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('starts with the hello command', async (ctx) => {
      const store = commandStore((await engine.database(ctx)).main);
      const [hello, ...rest] = await store.list();
      expect(rest).toEqual([]);
      expect(hello?.name).toBe('hello');
      expect(hello?.body).toContain('Api.sendMessage');
      expect(recent(hello?.updatedAt)).toBe(true);
      expect(await store.get('hello')).toEqual(hello);
    });

    it('creates and replaces by name, and lists by name in byte order', async (ctx) => {
      const store = commandStore((await engine.database(ctx)).main);
      const saved = await store.save('greet', 'res.json({ hi: 1 });');
      expect(saved).toEqual({ name: 'greet', body: 'res.json({ hi: 1 });', updatedAt: expect.any(String) });
      expect(recent(saved.updatedAt)).toBe(true);
      await store.save('Zed', 'res.json(2);');
      await store.save('a.b', 'res.json(3);');
      expect((await store.list()).map((c) => c.name)).toEqual(['Zed', 'a.b', 'greet', 'hello']);

      const replaced = await store.save('greet', 'res.json({ hi: 2 });');
      expect(replaced.body).toBe('res.json({ hi: 2 });');
      expect(Date.parse(replaced.updatedAt)).toBeGreaterThanOrEqual(Date.parse(saved.updatedAt));
      expect(await store.get('greet')).toEqual(replaced);
      expect((await store.list()).filter((c) => c.name === 'greet')).toEqual([replaced]);
    });

    it('deletes, once; an unknown name is null', async (ctx) => {
      const store = commandStore((await engine.database(ctx)).main);
      expect(await store.get('missing')).toBeNull();
      expect(await store.delete('hello')).toBe(true);
      expect(await store.delete('hello')).toBe(false);
      expect(await store.get('hello')).toBeNull();
      expect(await store.list()).toEqual([]);
    });

    it('shows another replica’s saves at once: nothing is kept in memory', async (ctx) => {
      const db = await engine.database(ctx);
      const a = commandStore(db.main, 'replica-a');
      const b = commandStore(db.connect(), 'replica-b');
      const saved = await a.save('shared', 'res.json(1);');
      expect(await b.get('shared')).toEqual(saved);
      await b.delete('shared');
      expect(await a.get('shared')).toBeNull();
    });

    it('stores a body with U+0000: SQLite keeps it, PostgreSQL shows it as U+FFFD', async (ctx) => {
      const store = commandStore((await engine.database(ctx)).main);
      // The one difference between the engines: PostgreSQL text cannot hold U+0000 (see text-value.ts).
      const body = engine.name === 'sqlite' ? '"a\u0000b"' : '"a\uFFFDb"';
      expect((await store.save('nul', '"a\u0000b"')).body).toBe(body);
      expect((await store.get('nul'))?.body).toBe(body);
    });
  });

  describe('on postgres: change notices', () => {
    it('says "commands" on save and delete; deleting an unknown name says nothing', async (ctx) => {
      const db = await engines.postgres.database(ctx);
      const changes = await listenForChanges(db);
      const store = commandStore(db.main, 'replica-a');
      await store.save('greet', 'res.json(1);');
      await waitFor(() => changes.length === 1, { what: 'the first notice' });
      expect(await store.delete('missing')).toBe(false);
      await store.delete('greet');
      // Notices arrive in commit order: one from the refused delete would come before this one.
      await waitFor(() => changes.length >= 2, { what: 'the second notice' });
      expect(changes).toEqual([
        { origin: 'replica-a', topic: 'commands' },
        { origin: 'replica-a', topic: 'commands' },
      ]);
    });
  });
});
