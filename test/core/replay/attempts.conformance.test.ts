import { describe, expect, it } from 'vitest';
import { PgAttemptStore } from '../../../src-main/core/replay/pg-store';
import { SqliteAttemptStore } from '../../../src-main/core/replay/sqlite-store';
import type { AttemptStore, NewAttempt } from '../../../src-main/core/replay/store';
import { type Connection, insertBareDelivery, onEngine, useEngines } from '../../support/engines';

const attemptStore = (connection: Connection): AttemptStore =>
  onEngine<AttemptStore>(connection, {
    sqlite: (db) => new SqliteAttemptStore(db),
    postgres: (sql) => new PgAttemptStore(sql),
  });

const SENT_AT = Date.parse('2026-03-01T12:34:56.789Z');

const attempt = (deliveryId: number, over: Partial<NewAttempt> = {}): NewAttempt => ({
  deliveryId,
  jobId: 'job-1',
  target: 'http://127.0.0.1:9/hook',
  status: 200,
  error: null,
  durationMs: 12,
  responseHeaders: [
    ['content-type', 'application/json'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ],
  responseBody: '{"ok":true}',
  responseTruncated: false,
  sentBodySha256: 'ab'.repeat(32),
  sentAt: SENT_AT,
  ...over,
});

/** What list gives back for `a`: the same fields, with an id and an ISO time. */
const listed = (a: NewAttempt) => ({
  ...a,
  sentHeaders: a.sentHeaders ?? [],
  sentBody: a.sentBody ?? null,
  id: expect.any(Number),
  sentAt: new Date(a.sentAt).toISOString(),
});

describe('AttemptStore', () => {
  const engines = useEngines();

  describe.each(engines.all)('on $name', (engine) => {
    it('keeps every field as given: no answer, headers in order with repeats, flags, exact milliseconds', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      const delivery = await insertBareDelivery(db);
      const answered = attempt(delivery);
      const refused = attempt(delivery, {
        status: null,
        error: 'connect ECONNREFUSED 127.0.0.1:9',
        durationMs: 0,
        responseHeaders: [],
        responseBody: '',
        sentAt: SENT_AT + 1,
      });
      const truncated = attempt(delivery, { status: 500, responseTruncated: true, sentAt: SENT_AT + 2 });
      await store.insertAll([answered, refused, truncated]);
      expect(await store.list(delivery)).toEqual([listed(truncated), listed(refused), listed(answered)]);
    });

    it('keeps the request as sent: its headers in order, and a body only when it differed', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      const delivery = await insertBareDelivery(db);
      const edited = attempt(delivery, {
        sentHeaders: [
          ['content-type', 'application/json'],
          ['x-telegram-bot-api-secret-token', 's3cret'],
        ],
        sentBody: '{"update_id":  7}',
      });
      const unchanged = attempt(delivery, {
        sentHeaders: [['content-type', 'text/plain']],
        sentAt: SENT_AT + 1,
      });
      await store.insertAll([edited, unchanged]);
      const [second, first] = await store.list(delivery);
      expect(first).toEqual(listed(edited));
      expect(first?.sentBody).toBe('{"update_id":  7}');
      expect(second?.sentHeaders).toEqual([['content-type', 'text/plain']]);
      expect(second?.sentBody).toBeNull();
    });

    it('does nothing for no attempts', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      await store.insertAll([]);
      expect(await store.list(await insertBareDelivery(db))).toEqual([]);
    });

    it('writes a bulk replay at once, in order, and lists the newest 200 of a delivery', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      const [one, two] = [await insertBareDelivery(db), await insertBareDelivery(db)];
      const many = Array.from({ length: 300 }, (_, i) =>
        attempt(i % 5 === 0 ? two : one, { jobId: `job-${i}` }),
      );
      await store.insertAll(many);
      expect((await store.list(one)).map((a) => a.jobId)).toEqual(
        many
          .filter((a) => a.deliveryId === one)
          .map((a) => a.jobId)
          .reverse()
          .slice(0, 200),
      );
      expect((await store.list(two)).map((a) => a.jobId)).toEqual(
        many
          .filter((a) => a.deliveryId === two)
          .map((a) => a.jobId)
          .reverse(),
      );
    });

    it('writes all of a batch or none of it', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      const delivery = await insertBareDelivery(db);
      await expect(store.insertAll([attempt(delivery), attempt(delivery + 1000)])).rejects.toThrow();
      expect(await store.list(delivery)).toEqual([]);
    });

    it('goes with its delivery', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      const delivery = await insertBareDelivery(db);
      await store.insertAll([attempt(delivery)]);
      await db.query('DELETE FROM deliveries WHERE id = $1', [delivery]);
      expect(await store.list(delivery)).toEqual([]);
    });

    it('shows another replica’s attempts at once', async (ctx) => {
      const db = await engine.database(ctx);
      const delivery = await insertBareDelivery(db);
      await attemptStore(db.main).insertAll([attempt(delivery)]);
      expect(await attemptStore(db.connect()).list(delivery)).toEqual([listed(attempt(delivery))]);
    });

    it('stores U+0000 in an answer’s body, headers and error: SQLite keeps it, PostgreSQL shows it as U+FFFD', async (ctx) => {
      const db = await engine.database(ctx);
      const store = attemptStore(db.main);
      const delivery = await insertBareDelivery(db);
      await store.insertAll([
        attempt(delivery, {
          responseBody: 'b\u0000',
          responseHeaders: [['x-a', 'h\u0000']],
          error: 'e\u0000',
        }),
      ]);
      // The one difference between the engines: PostgreSQL text and jsonb cannot hold U+0000 (see text-value.ts).
      const nul = engine.name === 'sqlite' ? '\u0000' : '\uFFFD';
      expect(await store.list(delivery)).toEqual([
        expect.objectContaining({
          responseBody: `b${nul}`,
          responseHeaders: [['x-a', `h${nul}`]],
          error: `e${nul}`,
        }),
      ]);
    });
  });
});
