import { randomBytes } from 'node:crypto';
import { ContractError, type Person, type Role } from '@contract';
import { COMMAND_LINE, PgAuditStore } from '../audit/audit-store';
import { auditTarget } from '../audit/audit-target';
import { describeError } from '../describe-error';
import { closePostgres, connectPostgres, redactUrl, type Sql } from '../store/pg/connect';
import { migratePostgres } from '../store/pg/migrate';
import { pgMigrations } from '../store/pg/migrations';
import { type PersonRef, PgPeopleStore } from './people-store';

export type UsersAction =
  | { action: 'add'; name: string; role: Role }
  | { action: 'list' }
  | { action: 'revoke'; ref: PersonRef };

/** What `users …` prints: lines for stdout, and advice for stderr. */
export interface UsersOutput {
  out: string[];
  err: string[];
}

/**
 * A team server's people from the command line, on its database directly
 * (migrated first, so this works before any replica has started). Who holds
 * the database holds the server: the audit log records these as made by
 * the command line.
 */
export async function runUsersAction(database: string, action: UsersAction): Promise<UsersOutput> {
  const sql = connectPostgres(database, { max: 2, applicationName: 'bot-webhook-inspector users' });
  try {
    try {
      await migratePostgres(sql, pgMigrations);
    } catch (error) {
      throw new Error(
        `The team database at ${redactUrl(new URL(database))} could not be opened: ${describeError(error)}`,
      );
    }
    return await perform(sql, action);
  } finally {
    await closePostgres(sql, { timeoutSeconds: 1 });
  }
}

async function perform(sql: Sql, action: UsersAction): Promise<UsersOutput> {
  // Names this run in the `people` notice, as a replica's id names its own.
  const people = new PgPeopleStore(sql, `cli-${randomBytes(4).toString('hex')}`);
  if (action.action === 'list') return { out: table(await people.list()), err: [] };

  const audit = new PgAuditStore(sql);
  const method = action.action === 'add' ? 'people.add' : 'people.revoke';
  const input = action.action === 'add' ? { name: action.name, role: action.role } : action.ref;
  const record = (error: unknown) =>
    audit.append({
      actor: COMMAND_LINE,
      method,
      target: auditTarget(method, input),
      outcome: error === null ? 'ok' : 'error',
      error:
        error === null
          ? null
          : error instanceof ContractError
            ? `${error.code}: ${error.message}`
            : describeError(error),
    });
  try {
    if (action.action === 'add') {
      const { person, token } = await people.add(action.name, action.role);
      await record(null);
      return {
        out: [`Added person ${person.id}: ${person.name} (${person.role})`, `Token: ${token}`],
        err: ['The token is shown this once: the server keeps only its hash.'],
      };
    }
    const person = await people.revoke(action.ref);
    await record(null);
    return {
      out: [`Revoked person ${person.id}: ${person.name} (${person.role}) at ${person.revokedAt}`],
      err: [],
    };
  } catch (error) {
    await record(error).catch(() => undefined);
    throw error;
  }
}

/** `users list`: id, name, role, created, revoked, in aligned columns. */
function table(people: Person[]): string[] {
  const rows = [
    ['ID', 'NAME', 'ROLE', 'CREATED', 'REVOKED'],
    ...people.map((p) => [String(p.id), p.name, p.role, p.createdAt, p.revokedAt ?? '-']),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  '),
  );
}
