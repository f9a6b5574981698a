import { REPLAY_TARGETS_KEPT, type ReplayTarget } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { ReplayTargetStore } from './target-store';

interface TargetRow {
  inbox: string;
  url: string;
  name: string | null;
  used_at: number;
}

const toTarget = (r: TargetRow): ReplayTarget => ({
  inbox: r.inbox,
  url: r.url,
  name: r.name,
  usedAt: new Date(r.used_at).toISOString(),
});

/** Replay targets in SQLite; a use and the trim beyond the bound in one transaction. */
export class SqliteReplayTargetStore implements ReplayTargetStore {
  private readonly use: Statement;
  private readonly setName: Statement;
  private readonly trim: Statement;
  private readonly one: Statement<[string, string], TargetRow>;
  private readonly ofInbox: Statement<[string], TargetRow>;
  private readonly latest: Statement<[], TargetRow>;
  private readonly remove: Statement<[string, string]>;
  private readonly rememberAndTrim: (inbox: string, url: string, at: number) => void;
  private readonly nameAndTrim: (inbox: string, url: string, name: string | null, at: number) => void;

  constructor(db: Database) {
    this.use = db.prepare(
      `INSERT INTO replay_targets (inbox, url, name, used_at) VALUES (?, ?, NULL, ?)
       ON CONFLICT (inbox, url) DO UPDATE SET used_at = excluded.used_at`,
    );
    this.setName = db.prepare(
      `INSERT INTO replay_targets (inbox, url, name, used_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (inbox, url) DO UPDATE SET name = excluded.name`,
    );
    this.trim = db.prepare(
      `DELETE FROM replay_targets WHERE inbox = @inbox AND url NOT IN (
         SELECT url FROM replay_targets WHERE inbox = @inbox
         ORDER BY name IS NULL, used_at DESC, url LIMIT @kept)`,
    );
    this.one = db.prepare('SELECT * FROM replay_targets WHERE inbox = ? AND url = ?');
    this.ofInbox = db.prepare(
      'SELECT * FROM replay_targets WHERE inbox = ? ORDER BY used_at DESC, url LIMIT 100',
    );
    this.latest = db.prepare(
      `SELECT * FROM replay_targets ORDER BY used_at DESC, inbox, url LIMIT ${REPLAY_TARGETS_KEPT}`,
    );
    this.remove = db.prepare('DELETE FROM replay_targets WHERE inbox = ? AND url = ?');
    this.rememberAndTrim = db.transaction((inbox: string, url: string, at: number) => {
      this.use.run(inbox, url, at);
      this.trim.run({ inbox, kept: REPLAY_TARGETS_KEPT });
    });
    this.nameAndTrim = db.transaction((inbox: string, url: string, name: string | null, at: number) => {
      this.setName.run(inbox, url, name, at);
      this.trim.run({ inbox, kept: REPLAY_TARGETS_KEPT });
    });
  }

  async remember(inbox: string, url: string, at: number): Promise<void> {
    this.rememberAndTrim(inbox, url, at);
  }

  async list(inbox?: string): Promise<ReplayTarget[]> {
    return (inbox === undefined ? this.latest.all() : this.ofInbox.all(inbox)).map(toTarget);
  }

  async name(inbox: string, url: string, name: string | null, at: number): Promise<ReplayTarget> {
    this.nameAndTrim(inbox, url, name, at);
    const row = this.one.get(inbox, url);
    // Trimmed at once only when the inbox holds more named targets than it keeps, and this unnamed one is last.
    return row === undefined ? { inbox, url, name, usedAt: new Date(at).toISOString() } : toTarget(row);
  }

  async forget(inbox: string, url: string): Promise<boolean> {
    return this.remove.run(inbox, url).changes > 0;
  }
}
