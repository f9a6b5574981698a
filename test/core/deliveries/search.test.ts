import type { DeliveryFilter, DeliveryListItem, Problem } from '@contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewDelivery } from '../../../src-main/core/deliveries/records';
import { SqliteDeliveryStore } from '../../../src-main/core/deliveries/sqlite-store';
import { openDatabase } from '../../../src-main/core/store/open-database';
import { makeTempDir, removeDir } from '../../support/temp-dir';

// Search over 10,000 stored deliveries must return exactly the matching ones:
// every query below is checked against the same filter applied in plain JS.

const WORDS = ['invoice', 'start', 'help', 'pizza', 'refund', 'hello', 'order', 'weather', 'Über', 'café'];
const N = 10_000;
const T0 = Date.UTC(2026, 0, 1);

interface Made {
  id: number;
  text: string;
  body: string;
  userId: number;
  chatId: number;
  status: number;
  problem: Problem | null;
  inbox: string;
  receivedAt: number;
  kind: string;
}

let dir: string;
let repo: SqliteDeliveryStore;
let close: () => void;
const made: Made[] = [];

beforeAll(async () => {
  dir = makeTempDir('bwi-search-');
  const db = openDatabase({ dataDir: dir, durability: 'normal' });
  close = () => db.close();
  repo = new SqliteDeliveryStore(db);
  // A deterministic mix, so a failure is reproducible.
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const batch: NewDelivery[] = [];
  const shadow: Omit<Made, 'id'>[] = [];
  for (let i = 0; i < N; i++) {
    const text = `${WORDS[rand(WORDS.length)]} ${WORDS[rand(WORDS.length)]} #${i}`;
    const extra = WORDS[rand(WORDS.length)] ?? '';
    const userId = 1 + rand(50);
    const chatId = rand(4) === 0 ? -1000 - rand(5) : userId;
    const status = [200, 200, 200, 400, 404, 413, 500][rand(7)] ?? 200;
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
    const body = JSON.stringify({ update_id: i + 1, note: `note about ${extra}`, text });
    shadow.push({ text, body, userId, chatId, status, problem, inbox, receivedAt, kind });
    batch.push({
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
        platform: 'telegram',
        kind,
        updateId: null,
        user: { id: userId, name: `U${userId}`, username: null, language: null },
        chat: { id: chatId, type: chatId < 0 ? 'group' : 'private' },
        text,
      },
    });
  }
  const items = await repo.insertAll(batch);
  for (const [i, item] of items.entries()) made.push({ ...(shadow[i] as Omit<Made, 'id'>), id: item.id });
});

afterAll(() => {
  close();
  removeDir(dir);
});

const all = async (filter: DeliveryFilter): Promise<DeliveryListItem[]> => {
  const out: DeliveryListItem[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await repo.search({ ...filter, before, limit: 1000 });
    out.push(...page.items);
    if (page.items.length < 1000) return out;
    before = page.items.at(-1)?.id;
  }
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const hasWord = (m: Made, word: string, prefix: boolean) => {
  const tokens = fold(`${m.text} ${m.body}`).split(/[^\p{L}\p{N}]+/u);
  return tokens.some((t) => (prefix ? t.startsWith(fold(word)) : t === fold(word)));
};

async function expectSame(filter: DeliveryFilter, predicate: (m: Made) => boolean) {
  const got = (await all(filter)).map((i) => i.id);
  const want = made
    .filter(predicate)
    .map((m) => m.id)
    .sort((a, b) => b - a);
  expect(got).toEqual(want);
  expect((await repo.search({ ...filter, limit: 1 })).total).toBe(want.length);
  return want.length;
}

describe('search over 10,000 deliveries', () => {
  it('full text over summary text and body, every word, last one as a prefix', async () => {
    expect(await expectSame({ query: 'invoice' }, (m) => hasWord(m, 'invoice', true))).toBeGreaterThan(0);
    expect(
      await expectSame(
        { query: 'pizza refund' },
        (m) => hasWord(m, 'pizza', false) && hasWord(m, 'refund', true),
      ),
    ).toBeGreaterThan(0);
    expect(await expectSame({ query: 'wea' }, (m) => hasWord(m, 'wea', true))).toBeGreaterThan(0);
    // Diacritics fold: "uber" finds "Über", "cafe" finds "café".
    expect(await expectSame({ query: 'uber' }, (m) => hasWord(m, 'uber', true))).toBeGreaterThan(0);
    expect(
      await expectSame(
        { query: 'note about cafe' },
        (m) => hasWord(m, 'note', false) && hasWord(m, 'about', false) && hasWord(m, 'cafe', true),
      ),
    ).toBeGreaterThan(0);
    // Punctuation separates words: "#4242" is the word 4242, in the text or the body's update_id.
    expect(await expectSame({ query: '#4242' }, (m) => hasWord(m, '4242', true))).toBe(2);
  });

  it('never reads search words as FTS syntax', async () => {
    await expect(repo.search({ query: 'a" OR "b NEAR( * -x', limit: 10 })).resolves.toBeDefined();
    await expectSame({ query: '"invoice"' }, (m) => hasWord(m, 'invoice', true));
  });

  it('filters by inbox, kind, status, problem, user, chat and time, alone and together', async () => {
    await expectSame({ inbox: 'shop' }, (m) => m.inbox === 'shop');
    await expectSame({ kind: 'callback_query' }, (m) => m.kind === 'callback_query');
    await expectSame({ status: 404 }, (m) => m.status === 404);
    await expectSame({ status: '4xx' }, (m) => m.status >= 400 && m.status < 500);
    await expectSame({ problem: 'none' }, (m) => m.problem === null);
    await expectSame({ problem: 'any' }, (m) => m.problem !== null);
    await expectSame({ problem: 'too-large' }, (m) => m.problem === 'too-large');
    await expectSame({ userId: '7' }, (m) => m.userId === 7);
    await expectSame({ chatId: '-1002' }, (m) => m.chatId === -1002);
    const from = new Date(T0 + 1000 * 60_000).toISOString();
    const to = new Date(T0 + 2000 * 60_000).toISOString();
    await expectSame(
      { from, to },
      (m) => m.receivedAt >= T0 + 1000 * 60_000 && m.receivedAt <= T0 + 2000 * 60_000,
    );
    await expectSame(
      { inbox: 'default', query: 'help', status: '2xx', userId: '3', from },
      (m) =>
        m.inbox === 'default' &&
        hasWord(m, 'help', true) &&
        m.status === 200 &&
        m.userId === 3 &&
        m.receivedAt >= T0 + 1000 * 60_000,
    );
  });

  it('stays correct while deliveries keep arriving: `after` returns exactly the new matches', async () => {
    const newest = made.at(-1)?.id ?? 0;
    const body = '{"text":"late invoice"}';
    const [late] = await repo.insertAll([
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
        summary: { platform: 'unknown', kind: 'unknown', updateId: null, user: null, chat: null, text: null },
      },
    ]);
    expect(
      (await repo.search({ query: 'invoice', after: newest, limit: 50 })).items.map((i) => i.id),
    ).toEqual([late?.id]);
    expect((await repo.search({ query: 'pizza', after: newest, limit: 50 })).items).toEqual([]);
  });
});
