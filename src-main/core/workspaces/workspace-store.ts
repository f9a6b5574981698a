import { ContractError, type Role, type Workspace } from '@contract';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';

interface WorkspaceRow {
  id: number;
  name: string;
  url: string;
  person_name: string;
  role: Role;
  token: Buffer;
  created_at: number;
}

export interface NewWorkspace {
  name: string;
  /** The server's origin. */
  url: string;
  personName: string;
  role: Role;
  token: string;
}

const toWorkspace = (row: WorkspaceRow): Workspace => ({
  id: row.id,
  name: row.name,
  url: row.url,
  personName: row.person_name,
  role: row.role,
});

/**
 * The team servers this app can open, in the local SQLite file. The token is
 * sealed like a profile's: a copy of the file alone opens no server.
 */
export class WorkspaceStore {
  private readonly all: Statement<[], WorkspaceRow>;
  private readonly one: Statement<[number], WorkspaceRow>;
  private readonly insert: Statement;
  private readonly remove: Statement<[number]>;

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.all = db.prepare('SELECT * FROM workspaces ORDER BY name COLLATE NOCASE, id');
    this.one = db.prepare('SELECT * FROM workspaces WHERE id = ?');
    this.insert = db.prepare(
      `INSERT INTO workspaces (name, url, person_name, role, token, created_at)
       VALUES (@name, @url, @personName, @role, @token, @createdAt)`,
    );
    this.remove = db.prepare('DELETE FROM workspaces WHERE id = ?');
  }

  /** Never with tokens: the list is what the UI shows. */
  list(): Workspace[] {
    return this.all.all().map(toWorkspace);
  }

  add(fields: NewWorkspace, now = Date.now()): Workspace {
    try {
      const result = this.insert.run({ ...fields, token: this.box.encrypt(fields.token), createdAt: now });
      return toWorkspace(this.one.get(Number(result.lastInsertRowid)) as WorkspaceRow);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new ContractError(
          'conflict',
          `A team server named "${fields.name}" is already in the list: pick another name.`,
        );
      }
      throw error;
    }
  }

  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }

  /** Its address and the token, unsealed; null when there is no such workspace. */
  open(id: number): { url: string; token: string } | null {
    const row = this.one.get(id);
    if (!row) return null;
    let token: string;
    try {
      token = this.box.decrypt(row.token);
    } catch {
      throw new ContractError(
        'conflict',
        `The token kept for "${row.name}" cannot be decrypted here (the key that sealed it is gone): remove the server and add it again.`,
      );
    }
    return { url: row.url, token };
  }
}
