import {
  type DeliveryFilter,
  type DeliveryListItem,
  type Platform,
  type Problem,
  TOTAL_COUNTED_UP_TO,
} from '@contract';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import type { DeliveryStore } from '../../../src-main/core/deliveries/store';
import { NO_POSTGRES_MESSAGE } from '../../support/postgres';
import { type DeliveryEngine, useDeliveryEngines } from './engines';

// Search over 10,000 stored deliveries must return exactly the matching ones,
// on both engines: every query below is checked against the same filter
// applied in plain JS.

const WORDS = ['invoice', 'start', 'help', 'pizza', 'refund', 'hello', 'order', 'weather', 'Über', 'café'];
const PLATFORMS: Platform[] = ['telegram', 'solafon', 'unknown'];
const N = 10_000;
const BATCH = 200;
const T0 = Date.UTC(2026, 0, 1);

interface Made {
  id: number;
  text: string;
  body: string;
  userId: number | string;
  chatId: number | string;
  status: number;
  problem: Problem | null;
  inbox: string;
  receivedAt: number;
  kind: string;
  platform: Platform;
}

/** A deterministic mix, so a failure is reproducible; the same for both engines. */
function makeDeliveries(): { rows: NewDelivery[]; shadow: Omit<Made, 'id'>[] } {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const rows: NewDelivery[] = [];
  const shadow: Omit<Made, 'id'>[] = [];
  for (let i = 0; i < N; i++) {
    const text = `${WORDS[rand(WORDS.length)]} ${WORDS[rand(WORDS.length)]} #${i}`;
    const extra = WORDS[rand(WORDS.length)] ?? '';
    const user = 1 + rand(50);
    // Platforms send numbers; a few send the same digits as a string.
    const userId = rand(10) === 0 ? String(user) : user;
    const group = -1000 - rand(5);
    const chatId =
      rand(4) === 0 ? (rand(6) === 0 ? String(group) : group) : rand(8) === 0 ? `@chan${rand(3)}` : userId;
    const status = [200, 200, 200, 302, 400, 404, 413, 500][rand(8)] ?? 200;
    const problem: Problem | null =
      status === 400
        ? 'malformed-json'
        : status === 404
          ? 'unknown-inbox'
          : status === 413
            ? 'too-large'
            : null;
    const inbox = rand(3) === 0 ? 'shop' : 'default';
    const receivedAt = T0 + i * 60_000;
    const kind = rand(5) === 0 ? 'callback_query' : 'message';
    const platform = PLATFORMS[rand(PLATFORMS.length)] ?? 'telegram';
    const body = JSON.stringify({ update_id: i + 1, note: `note about ${extra}`, text });
    shadow.push({ text, body, userId, chatId, status, problem, inbox, receivedAt, kind, platform });
    rows.push({
      receivedAt,
      inbox,
      method: 'POST',
      path: '/webhook',
      query: '',
      headers: [['content-type', 'application/json']],
      remoteAddress: '127.0.0.1',
      body: Buffer.from(body),
      bodySize: body.length,
      bodyOmitted: false,
      responseStatus: status,
      responseBody: '{}',
      problem,
      summary: {
        platform,
        kind,
        updateId: null,
        user: { id: userId, name: `U${userId}`, username: null, language: null },
        chat: { id: chatId, type: typeof chatId === 'number' && chatId < 0 ? 'group' : 'private' },
        text,
      },
    });
  }
  return { rows, shadow };
}

const deliveries = makeDeliveries();

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const hasWord = (m: Made, word: string, prefix: boolean) => {
  const tokens = fold(`${m.text} ${m.body}`).split(/[^\p{L}\p{N}]+/u);
  return tokens.some((t) => (prefix ? t.startsWith(fold(word)) : t === fold(word)));
};

/** Two words one after the other, the second as a prefix, in the text or in the body (not across). */
const hasPhrase = (m: Made, first: string, then: string) =>
  [m.text, m.body].some((field) => {
    const tokens = fold(field).split(/[^\p{L}\p{N}]+/u);
    return tokens.some((t, i) => t === first && tokens[i + 1]?.startsWith(then));
  });

describe('search over 10,000 deliveries', () => {
  describe.each(useDeliveryEngines())('on $name', (engine: DeliveryEngine) => {
    let opened: Awaited<ReturnType<DeliveryEngine['openForSuite']>> = null;
    const made: Made[] = [];

    beforeAll(async () => {
      opened = await engine.openForSuite();
      if (!opened) return;
      // Batches as the receiver's group commit makes them under load; the
      // rate is a rough figure for the log, not a test.
      const started = performance.now();
      for (let at = 0; at < N; at += BATCH) {
        const items = await opened.store.insertAll(deliveries.rows.slice(at, at + BATCH));
        for (const [i, item] of items.entries()) {
          made.push({ ...(deliveries.shadow[at + i] as Omit<Made, 'id'>), id: item.id });
        }
      }
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `${engine.name}: ${N} deliveries in batches of ${BATCH}: ${Math.round(N / seconds)} rows/s (${seconds.toFixed(2)} s)`,
      );
    }, 120_000);

    afterAll(async () => {
      await opened?.close();
    });

    const storeFor = (ctx: TestContext): DeliveryStore => {
      if (!opened) return ctx.skip(NO_POSTGRES_MESSAGE);
      return opened.store;
    };

    const all = async (store: DeliveryStore, filter: DeliveryFilter): Promise<DeliveryListItem[]> => {
      const out: DeliveryListItem[] = [];
      let before: number | undefined;
      for (;;) {
        const page = await store.search({ ...filter, before, limit: 1000 });
        out.push(...page.items);
        if (page.items.length < 1000) return out;
        before = page.items.at(-1)?.id;
      }
    };

    async function expectSame(store: DeliveryStore, filter: DeliveryFilter, predicate: (m: Made) => boolean) {
      const got = (await all(store, filter)).map((i) => i.id);
      const want = made
        .filter(predicate)
        .map((m) => m.id)
        .sort((a, b) => b - a);
      expect(got).toEqual(want);
      expect((await store.search({ ...filter, limit: 1 })).total).toBe(want.length);
      // The total ignores the cursor.
      expect((await store.search({ ...filter, limit: 1, before: want[10] ?? 1 })).total).toBe(want.length);
      return want.length;
    }

    it('full text over summary text and body, every word, last one as a prefix', async (ctx) => {
      const store = storeFor(ctx);
      expect(
        await expectSame(store, { query: 'invoice' }, (m) => hasWord(m, 'invoice', true)),
      ).toBeGreaterThan(0);
      expect(
        await expectSame(
          store,
          { query: 'pizza refund' },
          (m) => hasWord(m, 'pizza', false) && hasWord(m, 'refund', true),
        ),
      ).toBeGreaterThan(0);
      expect(await expectSame(store, { query: 'wea' }, (m) => hasWord(m, 'wea', true))).toBeGreaterThan(0);
      // Diacritics fold: "uber" finds "Über", "cafe" finds "café".
      expect(await expectSame(store, { query: 'uber' }, (m) => hasWord(m, 'uber', true))).toBeGreaterThan(0);
      expect(
        await expectSame(
          store,
          { query: 'note about cafe' },
          (m) => hasWord(m, 'note', false) && hasWord(m, 'about', false) && hasWord(m, 'cafe', true),
        ),
      ).toBeGreaterThan(0);
      // Punctuation separates words: "#4242" is the word 4242, in the text or the body's update_id.
      expect(await expectSame(store, { query: '#4242' }, (m) => hasWord(m, '4242', true))).toBe(2);
      // Words without a letter or digit find nothing, as FTS5 finds nothing for them.
      expect(await expectSame(store, { query: '#' }, () => false)).toBe(0);
    });

    it('never reads search words as FTS syntax', async (ctx) => {
      const store = storeFor(ctx);
      await expect(store.search({ query: 'a" OR "b NEAR( * -x', limit: 10 })).resolves.toBeDefined();
      await expect(store.search({ query: "a' | !b & c:* <-> (d", limit: 10 })).resolves.toBeDefined();
      await expectSame(store, { query: '"invoice"' }, (m) => hasWord(m, 'invoice', true));
      // A word of several tokens is a phrase: its tokens in that order.
      expect(
        await expectSame(store, { query: "about'caf" }, (m) => hasPhrase(m, 'about', 'caf')),
      ).toBeGreaterThan(0);
      expect(await expectSame(store, { query: 'cafe-about' }, (m) => hasPhrase(m, 'cafe', 'about'))).toBe(0);
    });

    it('filters by inbox, kind, platform, status, problem, user, chat and time, alone and together', async (ctx) => {
      const store = storeFor(ctx);
      await expectSame(store, { inbox: 'shop' }, (m) => m.inbox === 'shop');
      await expectSame(store, { kind: 'callback_query' }, (m) => m.kind === 'callback_query');
      await expectSame(store, { platform: 'solafon' }, (m) => m.platform === 'solafon');
      await expectSame(store, { platform: 'signed-link' }, () => false);
      await expectSame(store, { status: 404 }, (m) => m.status === 404);
      await expectSame(store, { status: '4xx' }, (m) => m.status >= 400 && m.status < 500);
      await expectSame(store, { status: '3xx' }, (m) => m.status >= 300 && m.status < 400);
      await expectSame(store, { status: '5xx' }, (m) => m.status >= 500);
      await expectSame(store, { problem: 'none' }, (m) => m.problem === null);
      await expectSame(store, { problem: 'any' }, (m) => m.problem !== null);
      await expectSame(store, { problem: 'too-large' }, (m) => m.problem === 'too-large');
      await expectSame(store, { problem: 'duplicate' }, () => false);
      const from = new Date(T0 + 1000 * 60_000).toISOString();
      const to = new Date(T0 + 2000 * 60_000).toISOString();
      await expectSame(
        store,
        { from, to },
        (m) => m.receivedAt >= T0 + 1000 * 60_000 && m.receivedAt <= T0 + 2000 * 60_000,
      );
      // An offset names the same instant.
      await expectSame(store, { to: '2026-01-01T02:00:00+02:00' }, (m) => m.receivedAt <= T0);
      await expectSame(
        store,
        { inbox: 'default', query: 'help', status: '2xx', userId: '3', from },
        (m) =>
          m.inbox === 'default' &&
          hasWord(m, 'help', true) &&
          m.status === 200 &&
          (m.userId === 3 || m.userId === '3') &&
          m.receivedAt >= T0 + 1000 * 60_000,
      );
    });

    it('matches a user or chat id sent as a number or as a string of the same digits', async (ctx) => {
      const store = storeFor(ctx);
      expect(made.some((m) => m.userId === '7')).toBe(true);
      expect(
        await expectSame(store, { userId: '7' }, (m) => m.userId === 7 || m.userId === '7'),
      ).toBeGreaterThan(0);
      await expectSame(store, { chatId: '-1002' }, (m) => m.chatId === -1002 || m.chatId === '-1002');
      await expectSame(store, { chatId: '@chan1' }, (m) => m.chatId === '@chan1');
      await expectSame(store, { userId: '07' }, (m) => m.userId === 7);
      await expectSame(store, { userId: 'U7' }, () => false);
    });

    it('stays correct while deliveries keep arriving: `after` returns exactly the new matches', async (ctx) => {
      const store = storeFor(ctx);
      const newest = made.at(-1)?.id ?? 0;
      const body = '{"text":"late invoice"}';
      const [late] = await store.insertAll([
        {
          receivedAt: Date.now(),
          inbox: 'default',
          method: 'POST',
          path: '/webhook',
          query: '',
          headers: [],
          remoteAddress: null,
          body: Buffer.from(body),
          bodySize: body.length,
          bodyOmitted: false,
          responseStatus: 200,
          responseBody: '{}',
          problem: null,
          summary: {
            platform: 'unknown',
            kind: 'unknown',
            updateId: null,
            user: null,
            chat: null,
            text: null,
          },
        },
      ]);
      expect(
        (await store.search({ query: 'invoice', after: newest, limit: 50 })).items.map((i) => i.id),
      ).toEqual([late?.id]);
      expect((await store.search({ query: 'pizza', after: newest, limit: 50 })).items).toEqual([]);
      // An inbox alone (or nothing) is counted exactly where counts are kept in memory (SQLite, one
      // process); PostgreSQL, shared by replicas, counts up to the bound like any other filter.
      const all = await store.search({ after: newest, limit: 50 });
      expect(all.total).toBe(all.totalExact ? N + 1 : TOTAL_COUNTED_UP_TO);
      expect(all.totalExact).toBe(N + 1 <= TOTAL_COUNTED_UP_TO || engine.name === 'sqlite');
    });
  });
});
