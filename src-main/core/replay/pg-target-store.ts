import { REPLAY_TARGETS_KEPT, type ReplayTarget } from '@contract';
import type { Sql, TransactionSql } from '../store/pg/connect';
import { pgText } from '../store/pg/text-value';
import type { ReplayTargetStore } from './target-store';

interface TargetRow {
  inbox: string;
  url: string;
  name: string | null;
  used_at: Date;
}

const toTarget = (r: TargetRow): ReplayTarget => ({
  inbox: r.inbox,
  url: r.url,
  name: r.name,
  usedAt: r.used_at.toISOString(),
});

/**
 * Replay targets in PostgreSQL, shared by every replica: a use is one
 * upsert, then one delete of what lies beyond the bound, in a transaction,
 * so two replicas remembering at once never keep more than the bound.
 */
export class PgReplayTargetStore implements ReplayTargetStore {
  constructor(private readonly sql: Sql) {}

  private trim(sql: TransactionSql, inbox: string) {
    return sql`
      DELETE FROM replay_targets WHERE inbox = ${inbox} AND url NOT IN (
        SELECT url FROM replay_targets WHERE inbox = ${inbox}
        ORDER BY name IS NULL, used_at DESC, url LIMIT ${REPLAY_TARGETS_KEPT})`;
  }

  async remember(inbox: string, url: string, at: number): Promise<void> {
    await this.sql.begin(async (sql) => {
      // The inbox's rows are locked first, so concurrent trims of one inbox take turns.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`replay_targets:${inbox}`}))`;
      await sql`
        INSERT INTO replay_targets (inbox, url, name, used_at)
        VALUES (${inbox}, ${pgText(url)}, NULL, ${new Date(at).toISOString()})
        ON CONFLICT (inbox, url) DO UPDATE SET used_at = excluded.used_at`;
      await this.trim(sql, inbox);
    });
  }

  async list(inbox?: string): Promise<ReplayTarget[]> {
    const rows =
      inbox === undefined
        ? await this.sql<TargetRow[]>`
            SELECT * FROM replay_targets ORDER BY used_at DESC, inbox, url LIMIT ${REPLAY_TARGETS_KEPT}`
        : await this.sql<TargetRow[]>`
            SELECT * FROM replay_targets WHERE inbox = ${inbox} ORDER BY used_at DESC, url LIMIT 100`;
    return rows.map(toTarget);
  }

  async name(inbox: string, url: string, name: string | null, at: number): Promise<ReplayTarget> {
    return this.sql.begin(async (sql) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`replay_targets:${inbox}`}))`;
      const [row] = await sql<TargetRow[]>`
        INSERT INTO replay_targets (inbox, url, name, used_at)
        VALUES (${inbox}, ${pgText(url)}, ${name === null ? null : pgText(name)}, ${new Date(at).toISOString()})
        ON CONFLICT (inbox, url) DO UPDATE SET name = excluded.name
        RETURNING *`;
      await this.trim(sql, inbox);
      return row === undefined ? { inbox, url, name, usedAt: new Date(at).toISOString() } : toTarget(row);
    });
  }

  async forget(inbox: string, url: string): Promise<boolean> {
    const rows = await this
      .sql`DELETE FROM replay_targets WHERE inbox = ${inbox} AND url = ${url} RETURNING url`;
    return rows.length > 0;
  }
}
