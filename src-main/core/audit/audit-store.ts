import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry, AuditFilter, Role } from '@contract';
import type postgres from 'postgres';
import type { Sql } from '../store/pg/connect';
import { pgText, pgTextOrNull } from '../store/pg/text-value';

/** Who made a call: a person, or the command line (`users add` and `users revoke`, run by whoever holds the database). */
export interface Actor {
  id: number | null;
  name: string;
  role: Role;
}

export const COMMAND_LINE: Actor = { id: null, name: 'command line', role: 'admin' };

export interface NewAuditEntry {
  actor: Actor;
  method: string;
  target: string | null;
  outcome: 'ok' | 'error';
  error: string | null;
}

/** Audit exports land among the deliveries' exports; this prefix tells them apart (only admins may fetch them). */
export const AUDIT_EXPORT_PREFIX = 'audit-';

interface AuditRow {
  id: number;
  at: Date;
  person_id: number | null;
  person_name: string;
  role: Role;
  method: string;
  target: string | null;
  outcome: 'ok' | 'error';
  error: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at.toISOString(),
  personId: row.person_id,
  personName: row.person_name,
  role: row.role,
  method: row.method,
  target: row.target,
  outcome: row.outcome,
  error: row.error,
});

const EXPORT_PAGE = 1000;

/**
 * The audit log in PostgreSQL: appended to, read, exported; never changed
 * (the database refuses UPDATE, DELETE and TRUNCATE on it, see 0006-people).
 */
export class PgAuditStore {
  constructor(private readonly sql: Sql) {}

  async append(entry: NewAuditEntry): Promise<void> {
    const { actor } = entry;
    await this.sql`
      INSERT INTO audit_log (person_id, person_name, role, method, target, outcome, error)
      VALUES (${actor.id}, ${pgText(actor.name)}, ${actor.role}, ${pgText(entry.method)},
              ${pgTextOrNull(entry.target)}, ${entry.outcome}, ${pgTextOrNull(entry.error)})`;
  }

  /** Newest first; `total` counts every entry the filter matches, whatever the page. */
  async list(
    input: AuditFilter & { before?: number | undefined; limit: number },
  ): Promise<{ items: AuditEntry[]; total: number }> {
    const { before, limit, ...filter } = input;
    const where = this.narrowing(filter);
    const page = before === undefined ? where : this.sql`${where} AND id < ${before}`;
    const [counted] = await this.sql<{ total: number }[]>`
      SELECT count(*) AS total FROM audit_log WHERE ${where}`;
    const rows = await this.sql<AuditRow[]>`
      SELECT * FROM audit_log WHERE ${page} ORDER BY id DESC LIMIT ${limit}`;
    return { items: rows.map(toEntry), total: counted?.total ?? 0 };
  }

  /**
   * Writes what the filter matches, oldest first, one JSON entry a line,
   * into `dir`; answers the file's name. Read in pages: the log only grows.
   */
  async exportTo(dir: string, filter: AuditFilter): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = `${AUDIT_EXPORT_PREFIX}${stamp}-${randomUUID().slice(0, 8)}.ndjson`;
    const path = join(dir, file);
    // The log says who did what: private like the deliveries' exports.
    const out = createWriteStream(path, { mode: 0o600 });
    try {
      const where = this.narrowing(filter);
      let after = 0;
      for (;;) {
        const rows = await this.sql<AuditRow[]>`
          SELECT * FROM audit_log WHERE ${where} AND id > ${after} ORDER BY id LIMIT ${EXPORT_PAGE}`;
        const text = rows.map((row) => `${JSON.stringify(toEntry(row))}\n`).join('');
        if (text !== '' && !out.write(text)) await once(out, 'drain');
        const last = rows.at(-1);
        if (rows.length < EXPORT_PAGE || last === undefined) break;
        after = last.id;
      }
      out.end();
      await once(out, 'finish');
      return file;
    } catch (error) {
      out.destroy();
      rmSync(path, { force: true });
      throw error;
    }
  }

  private narrowing(filter: AuditFilter): postgres.Fragment {
    const { sql } = this;
    const parts: postgres.Fragment[] = [];
    if (filter.personId !== undefined) parts.push(sql`person_id = ${filter.personId}`);
    if (filter.method !== undefined) parts.push(sql`method = ${pgText(filter.method)}`);
    if (filter.outcome !== undefined) parts.push(sql`outcome = ${filter.outcome}`);
    if (filter.from !== undefined) parts.push(sql`at >= ${new Date(filter.from).toISOString()}::timestamptz`);
    if (filter.to !== undefined) parts.push(sql`at <= ${new Date(filter.to).toISOString()}::timestamptz`);
    return parts.reduce<postgres.Fragment>((all, part) => sql`${all} AND ${part}`, sql`true`);
  }
}
