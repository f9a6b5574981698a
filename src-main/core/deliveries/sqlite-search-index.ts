import type { Database, Statement, Transaction } from 'better-sqlite3';
import { type FacetColumns, facetTokens } from './search-facets';
import { searchableBody } from './searchable-body';

interface UnindexedRow extends FacetColumns {
  id: number;
  /** sort_key as text: it passes 2^53 (time-key.ts). */
  key: string;
  text: string | null;
  body: Buffer;
  body_omitted: number;
}

/**
 * Fills the search index from the table, in id order (each row under its
 * time-ordered key, so searches walk rows in list order), behind the commits:
 * the rows are read back (from pages still in cache) rather than carried
 * over from the insert, so what is indexed is always exactly "every row up
 * to `search_progress`", after a crash or a migration as after a commit.
 */
export class SqliteSearchIndexer {
  private readonly next: Statement<[number, number], UnindexedRow>;
  private readonly insertFts: Statement;
  private readonly progress: Statement<[], { indexed_up_to: number }>;
  private readonly advance: Statement<[number]>;
  private readonly step: Transaction<(max: number) => number>;

  constructor(db: Database) {
    this.next = db.prepare(
      `SELECT id, CAST(sort_key AS TEXT) AS key, text, body, body_omitted, kind, platform, response_status, problem, user_id, chat_id
       FROM deliveries WHERE id > ? ORDER BY id LIMIT ?`,
    );
    this.insertFts = db.prepare('INSERT INTO deliveries_fts (rowid, text, body, facets) VALUES (?, ?, ?, ?)');
    this.progress = db.prepare('SELECT indexed_up_to FROM search_progress');
    this.advance = db.prepare('UPDATE search_progress SET indexed_up_to = ?');
    // One transaction per step: the rows and the progress mark move together.
    this.step = db.transaction((max: number) => {
      const rows = this.next.all(this.indexedUpTo(), max);
      for (const row of rows) {
        const body = row.body_omitted ? '' : searchableBody(row.body);
        this.insertFts.run(BigInt(row.key), row.text ?? '', body, facetTokens(row));
      }
      const last = rows.at(-1);
      if (last) this.advance.run(last.id);
      return rows.length;
    });
  }

  /** The highest delivery id the index holds; every row at or below it is indexed. */
  indexedUpTo(): number {
    return this.progress.get()?.indexed_up_to ?? 0;
  }

  /**
   * Indexes up to `max` rows past the mark, in one transaction; returns how
   * many (0: caught up). IMMEDIATE: the step reads, then writes; begun as a
   * reader it could not become a writer once another connection (a prune, a
   * delete on the main thread) had committed meanwhile, and would fail at once
   * instead of waiting its turn.
   */
  indexNext(max: number): number {
    return this.step.immediate(max);
  }

  /** Everything past the mark (tools and tests, where no writer thread does it in steps). */
  indexAll(): void {
    while (this.indexNext(1000) > 0);
  }
}
