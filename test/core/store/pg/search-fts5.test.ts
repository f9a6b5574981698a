import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../../../src-main/core/deliveries/filter-sql';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';
import type { Sql } from '../../../../src-main/core/store/pg/connect';
import { migratePostgres } from '../../../../src-main/core/store/pg/migrate';
import { pgMigrations } from '../../../../src-main/core/store/pg/migrations';
import { searchQuery } from '../../../../src-main/core/store/pg/search-text';
import { usePostgres } from '../../../support/postgres';
import { insertDeliveries } from './delivery-rows';
import { SEARCH_ALPHABET } from './search-alphabet';

interface Doc {
  text: string | null;
  body: string;
}

/** The same documents in both stores, and for each query the ids each store finds. */
class BothStores {
  private readonly insertFts: BetterSqlite3.Statement;
  private readonly matchFts: BetterSqlite3.Statement<[string], { rowid: number }>;

  constructor(
    private readonly lite: BetterSqlite3.Database,
    private readonly sql: Sql,
  ) {
    this.insertFts = lite.prepare('INSERT INTO deliveries_fts (rowid, text, body) VALUES (?, ?, ?)');
    this.matchFts = lite.prepare(
      'SELECT rowid FROM deliveries_fts WHERE deliveries_fts MATCH ? ORDER BY rowid',
    );
  }

  async load(docs: readonly Doc[]): Promise<void> {
    this.lite.exec('DELETE FROM deliveries_fts');
    for (const [i, d] of docs.entries()) this.insertFts.run(i + 1, d.text ?? '', d.body);
    await this.sql`TRUNCATE deliveries RESTART IDENTITY CASCADE`;
    await insertDeliveries(
      this.sql,
      docs.map((d) => ({ text: d.text, body: Buffer.from(d.body) })),
    );
  }

  /** [query, SQLite's ids, PostgreSQL's ids] for every query that searches at all. */
  async results(queries: readonly string[]): Promise<Array<[string, number[], number[]]>> {
    const searching = queries.filter((q) => ftsQuery(q) !== null);
    for (const q of queries) expect(searchQuery(q) === null).toBe(ftsQuery(q) === null);
    const found = await this.sql<{ ids: number[] }[]>`
      SELECT coalesce(array_agg(d.id ORDER BY d.id) FILTER (WHERE d.id IS NOT NULL), '{}') AS ids
      FROM unnest(${searching.map((q) => searchQuery(q) ?? '')}::text[]) WITH ORDINALITY AS q (query, i)
      LEFT JOIN deliveries d ON d.search @@ q.query::tsquery
      GROUP BY q.i ORDER BY q.i`;
    return searching.map((q, i) => [
      q,
      this.matchFts.all(ftsQuery(q) as string).map((r) => r.rowid),
      found[i]?.ids ?? [],
    ]);
  }
}

const codePoints = (s: string) => [...s];
const word = fc.string({ unit: fc.constantFrom(...SEARCH_ALPHABET), minLength: 1, maxLength: 10 });
const text = fc
  .array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', ', ', '-', '.', '"', "'", ':')), { maxLength: 12 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));
const doc = fc.record({ text: fc.option(text, { nil: null }), body: text });

/** Queries: pieces of the documents (so that many match, some by a cut-off last word), and random text. */
const dataset = fc.array(doc, { minLength: 1, maxLength: 12 }).chain((docs) => {
  // Text and body joined by '-': a piece across the join is one word, a phrase that must not match across.
  const sources = docs
    .flatMap((d) => [d.text ?? '', d.body, `${d.text ?? ''}-${d.body}`])
    .filter((s) => s.length > 1);
  const piece =
    sources.length === 0
      ? text
      : fc.tuple(fc.constantFrom(...sources), fc.nat(), fc.nat()).map(([source, a, b]) => {
          const chars = codePoints(source);
          const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y);
          return chars.slice(from, to).join('');
        });
  return fc.tuple(
    fc.constant(docs),
    fc.array(fc.oneof(piece, piece, text, word), { minLength: 1, maxLength: 15 }),
  );
});

describe('search in PostgreSQL finds what SQLite FTS5 finds', () => {
  const pg = usePostgres();

  const stores = async (ctx: Parameters<typeof pg.freshDatabase>[0]): Promise<BothStores> => {
    const sql = (await pg.freshDatabase(ctx)).connect();
    await migratePostgres(sql, pgMigrations);
    // SQLite's own schema, so the index is exactly migration 0005's.
    const lite = new BetterSqlite3(':memory:');
    ctx.onTestFinished(() => {
      lite.close();
    });
    migrate(lite, migrations);
    return new BothStores(lite, sql);
  };

  it.for<[string, Doc[], string[]]>([
    [
      'words, prefixes and phrases',
      [
        { text: 'Hello world', body: '{"text":"foo bar"}' },
        { text: 'nothing', body: 'here' },
        { text: 'hello', body: 'world' },
      ],
      [
        'hello',
        'HEL',
        'hello wor',
        'hel wor',
        'world foo',
        'hello-world',
        '"text":"foo',
        'hel !!!',
        '!!! hel',
      ],
    ],
    [
      'diacritics and case',
      [
        { text: 'Café Ökonomie', body: 'ΟΔΟΣ йод' },
        { text: null, body: 'cafe\u0301 straße İstanbul' },
      ],
      ['cafe', 'CAFÉ', 'okon', 'οδος', 'иод', 'йо', 'strasse', 'straß', 'istanbul', 'ıstanbul'],
    ],
    [
      'syntax in queries',
      [{ text: "it's a:b & c|d", body: 'x*y (z) <-> !w \\v' }],
      [`it's`, 'a:b', '&', 'c|d', 'x*', '(z)', '<->', '!w', '\\v', '"', "'", "''", '"it"'],
    ],
  ])('%s', async ([, docs, queries], ctx) => {
    const both = await stores(ctx);
    await both.load(docs);
    for (const [query, lite, postgres] of await both.results(queries)) {
      expect({ query, ids: postgres }).toEqual({ query, ids: lite });
    }
  });

  it('on generated texts and queries', async (ctx) => {
    const both = await stores(ctx);
    let [searched, matched] = [0, 0];
    await fc.assert(
      fc.asyncProperty(dataset, async ([docs, queries]) => {
        await both.load(docs);
        for (const [query, lite, postgres] of await both.results(queries)) {
          expect({ query, docs, ids: postgres }).toEqual({ query, docs, ids: lite });
          searched += 1;
          if (lite.length > 0) matched += 1;
        }
      }),
      { numRuns: 80 },
    );
    // The generator finds things, so the agreement is not only on empty results.
    expect(matched).toBeGreaterThan(searched / 5);
  }, 60_000);
});
