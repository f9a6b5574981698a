import { ContractError, type Person, type Role } from '@contract';
import { notifyChange } from '../store/pg/changes';
import type { Sql, TransactionSql } from '../store/pg/connect';
import { pgText } from '../store/pg/text-value';
import { looksLikePersonalToken, newPersonalToken, tokenHash } from './tokens';

interface PersonRow {
  id: number;
  name: string;
  role: Role;
  created_at: Date;
  revoked_at: Date | null;
}

const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at === null ? null : row.revoked_at.toISOString(),
});

/** A new person, with the token that is shown this once. */
export interface AddedPerson {
  person: Person;
  token: string;
}

/** Who to revoke: by id, or by the name of someone not yet revoked. */
export type PersonRef = { id: number } | { name: string };

/** The name `serve` gives the admin it makes on a database with no people. */
export const FIRST_ADMIN_NAME = 'admin';

/**
 * A team server's people, in PostgreSQL. Their tokens are kept as hashes
 * only; people are revoked, never deleted (the audit log points at them).
 * The rules that must hold across replicas are the database's: one active
 * person per name (a unique index), at least one active admin (revocations
 * take the admins' row locks in turn), one first admin (an advisory lock).
 */
export class PgPeopleStore {
  constructor(
    private readonly sql: Sql,
    /** Names this process in the `people` notices. */
    private readonly origin: string,
  ) {}

  async add(name: string, role: Role): Promise<AddedPerson> {
    const added = await this.sql.begin((tx) => this.insert(tx, name, role));
    if (added === null) {
      throw new ContractError(
        'conflict',
        `Someone named "${name}" already has a token: pick another name, or revoke theirs first.`,
      );
    }
    return added;
  }

  /** Everyone, revoked included, oldest first. */
  async list(): Promise<Person[]> {
    const rows = await this.sql<PersonRow[]>`
      SELECT id, name, role, created_at, revoked_at FROM people ORDER BY id`;
    return rows.map(toPerson);
  }

  /**
   * Revokes at once: the token opens nothing from the next call, and every
   * replica hears of it (a `people` notice) and cuts the person's open
   * sessions. Revoking someone already revoked changes nothing. The last
   * active admin cannot be revoked: add another admin first.
   */
  async revoke(ref: PersonRef): Promise<Person> {
    return this.sql.begin(async (tx) => {
      // Taken first and in id order, so two admins revoking each other at
      // once are served in turn, and the second sees the first's revocation.
      const admins = await tx<{ id: number }[]>`
        SELECT id FROM people WHERE role = 'admin' AND revoked_at IS NULL ORDER BY id FOR UPDATE`;
      const [row] =
        'id' in ref
          ? await tx<PersonRow[]>`
              SELECT id, name, role, created_at, revoked_at FROM people WHERE id = ${ref.id} FOR UPDATE`
          : await tx<PersonRow[]>`
              SELECT id, name, role, created_at, revoked_at FROM people
              WHERE name = ${pgText(ref.name)} AND revoked_at IS NULL FOR UPDATE`;
      if (!row) {
        throw new ContractError(
          'not-found',
          'id' in ref ? `There is no person #${ref.id}.` : `No one named "${ref.name}" holds a token.`,
        );
      }
      if (row.revoked_at !== null) return toPerson(row);
      if (row.role === 'admin' && admins.length <= 1) {
        throw new ContractError(
          'conflict',
          `${row.name} is the last admin: add another admin before revoking this one.`,
        );
      }
      const [revoked] = await tx<PersonRow[]>`
        UPDATE people SET revoked_at = now() WHERE id = ${row.id}
        RETURNING id, name, role, created_at, revoked_at`;
      await notifyChange(tx, this.origin, 'people', [row.id]);
      return toPerson(revoked as PersonRow);
    });
  }

  /** The person a token belongs to; null for anything else, revoked tokens included. */
  async byToken(token: string): Promise<Person | null> {
    if (!looksLikePersonalToken(token)) return null;
    const [row] = await this.sql<PersonRow[]>`
      SELECT id, name, role, created_at, revoked_at FROM people
      WHERE token_hash = ${tokenHash(token)} AND revoked_at IS NULL`;
    return row ? toPerson(row) : null;
  }

  /** Which of these people are not revoked. */
  async active(ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.sql<{ id: number }[]>`
      SELECT id FROM people WHERE id = ANY(${[...ids]}::bigint[]) AND revoked_at IS NULL`;
    return new Set(rows.map((r) => r.id));
  }

  /**
   * On a database with no people at all, one admin; null when there is
   * anyone (revoked people count: a team that revoked everyone recovers
   * with `users add`, not with a new admin appearing on restart).
   */
  async addFirstAdmin(): Promise<AddedPerson | null> {
    return this.sql.begin(async (tx) => {
      // Replicas starting together take turns here: only the first finds no one.
      await tx`SELECT pg_advisory_xact_lock(hashtext('bwi:first-admin'))`;
      const [anyone] = await tx`SELECT 1 FROM people LIMIT 1`;
      if (anyone) return null;
      return this.insert(tx, FIRST_ADMIN_NAME, 'admin');
    });
  }

  private async insert(tx: TransactionSql, name: string, role: Role): Promise<AddedPerson | null> {
    const token = newPersonalToken();
    const [row] = await tx<PersonRow[]>`
      INSERT INTO people (name, role, token_hash) VALUES (${pgText(name)}, ${role}, ${tokenHash(token)})
      ON CONFLICT (name) WHERE revoked_at IS NULL DO NOTHING
      RETURNING id, name, role, created_at, revoked_at`;
    return row ? { person: toPerson(row), token } : null;
  }
}
