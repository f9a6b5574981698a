import type { SentReply } from '@contract';
import { describe, expect, it } from 'vitest';
import { PgReplyStore } from '../../../src-main/core/compose/pg-store';
import { SqliteReplyStore } from '../../../src-main/core/compose/sqlite-store';
import type { ReplyStore } from '../../../src-main/core/compose/store';
import { PgProfileStore } from '../../../src-main/core/profiles/pg-store';
import { SqliteProfileStore } from '../../../src-main/core/profiles/sqlite-store';
import type { ProfileStore } from '../../../src-main/core/profiles/store';
import {
  type Connection,
  type EngineDatabase,
  insertBareDelivery,
  onEngine,
  useEngines,
} from '../../support/engines';

const replyStore = (connection: Connection): ReplyStore =>
  onEngine<ReplyStore>(connection, {
    sqlite: (db) => new SqliteReplyStore(db),
    postgres: (sql) => new PgReplyStore(sql),
  });

const profileStore = (db: EngineDatabase): ProfileStore =>
  onEngine<ProfileStore>(db.main, {
    sqlite: (sqlite) => new SqliteProfileStore(sqlite, db.box),
    postgres: (sql) => new PgProfileStore(sql, 'replica-a', db.box),
  });

/** A database with two bot profiles, and its reply store. */
async function withBots(db: EngineDatabase) {
  const profiles = profileStore(db);
  const bot = async (name: string) =>
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
  return { profiles, first: await bot('First'), second: await bot('Second'), replies: replyStore(db.main) };
}

const reply = (profileId: number, over: Partial<Omit<SentReply, 'id' | 'sentAt'>> = {}) => ({
  profileId,
  chatId: 42 as number | string,
  text: 'hello',
  deliveryId: null as number | null,
  ok: true,
  result: '{"message_id":1}',
  ...over,
});

describe('ReplyStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('keeps a reply as sent, a chat id in the type it was given', async (ctx) => {
      const db = await engine.database(ctx);
      const { replies, first } = await withBots(db);
      const delivery = await insertBareDelivery(db);
      const numeric = await replies.add(reply(first, { deliveryId: delivery }));
      expect(numeric).toEqual({
        id: expect.any(Number),
        ...reply(first, { deliveryId: delivery }),
        sentAt: expect.any(String),
      });
      expect(Math.abs(Date.parse(numeric.sentAt) - Date.now())).toBeLessThan(60_000);
      const text = await replies.add(
        reply(first, { chatId: '42', ok: false, result: 'Bad Request: chat not found' }),
      );
      const channel = await replies.add(reply(first, { chatId: '@channel' }));
      const listed = await replies.list(first, 10);
      expect(listed).toEqual([channel, text, numeric]);
      expect(listed.map((r) => r.chatId)).toEqual(['@channel', '42', 42]);
      expect(listed.map((r) => r.ok)).toEqual([true, false, true]);
    });

    it('lists one bot’s replies, newest first, at most as many as asked', async (ctx) => {
      const db = await engine.database(ctx);
      const { replies, first, second } = await withBots(db);
      const added: SentReply[] = [];
      for (let i = 0; i < 5; i++)
        added.push(await replies.add(reply(i % 2 === 0 ? first : second, { text: `#${i}` })));
      expect((await replies.list(first, 10)).map((r) => r.text)).toEqual(['#4', '#2', '#0']);
      expect((await replies.list(first, 2)).map((r) => r.text)).toEqual(['#4', '#2']);
      expect((await replies.list(second, 10)).map((r) => r.text)).toEqual(['#3', '#1']);
      expect(await replies.list(second + 1000, 10)).toEqual([]);
      // Ids ascend in the order sent, on both engines.
      expect(added.map((r) => r.id)).toEqual([...added.map((r) => r.id)].sort((x, y) => x - y));
    });

    it('outlives its delivery (the link is cleared) but not its bot', async (ctx) => {
      const db = await engine.database(ctx);
      const { replies, profiles, first } = await withBots(db);
      const delivery = await insertBareDelivery(db);
      await replies.add(reply(first, { deliveryId: delivery }));
      await db.query('DELETE FROM deliveries WHERE id = $1', [delivery]);
      expect((await replies.list(first, 10)).map((r) => r.deliveryId)).toEqual([null]);
      await profiles.delete(first);
      expect(await replies.list(first, 10)).toEqual([]);
    });

    it('refuses a reply from a bot that does not exist', async (ctx) => {
      const db = await engine.database(ctx);
      const { replies, second } = await withBots(db);
      await expect(replies.add(reply(second + 1000))).rejects.toThrow();
    });

    it('stores U+0000 in text, result and a chat id: SQLite keeps it, PostgreSQL shows it as U+FFFD', async (ctx) => {
      const db = await engine.database(ctx);
      const { replies, first } = await withBots(db);
      const added = await replies.add(
        reply(first, { chatId: 'c\u0000', text: 't\u0000', result: 'r\u0000' }),
      );
      // The one difference between the engines: PostgreSQL text and jsonb cannot hold U+0000 (see text-value.ts).
      const nul = engine.name === 'sqlite' ? '\u0000' : '\uFFFD';
      const expected = { chatId: `c${nul}`, text: `t${nul}`, result: `r${nul}` };
      expect(added).toMatchObject(expected);
      expect(await replies.list(first, 1)).toEqual([expect.objectContaining(expected)]);
    });
  });
});
