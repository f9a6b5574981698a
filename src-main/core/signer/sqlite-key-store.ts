import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
import {
  describeKeys,
  type KeyStore,
  newSigningKey,
  openSigningKey,
  type SigningKey,
  type SigningKeyInfo,
  sealSigningKey,
} from './key-store';

interface KeyRow {
  kid: string;
  profile_id: number;
  secret: Buffer;
  created_at: number;
  retired_at: number | null;
}

/** Signing keys in SQLite. */
export class SqliteKeyStore implements KeyStore {
  private readonly forProfile: Statement<[number], KeyRow>;
  private readonly insert: Statement;
  private readonly retireStmt: Statement<[number, string, number]>;
  private readonly retireInOne: (
    profileId: number,
    kid: string,
    now: number,
  ) => { replacedBy: string | null } | null;

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.forProfile = db.prepare(
      'SELECT * FROM signing_keys WHERE profile_id = ? ORDER BY created_at DESC, rowid DESC',
    );
    this.insert = db.prepare(
      'INSERT INTO signing_keys (kid, profile_id, secret, created_at) VALUES (@kid, @profileId, @secret, @createdAt)',
    );
    this.retireStmt = db.prepare(
      'UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND profile_id = ? AND retired_at IS NULL',
    );
    // One transaction: nobody signs between the active key's retirement and its successor's birth.
    this.retireInOne = db.transaction((profileId: number, kid: string, now: number) => {
      const active = this.forProfile.all(profileId).find((r) => r.retired_at === null);
      if (this.retireStmt.run(now, kid, profileId).changes === 0) return null;
      if (active?.kid !== kid) return { replacedBy: null };
      const fresh = newSigningKey();
      this.insert.run({
        kid: fresh.kid,
        profileId,
        secret: sealSigningKey(this.box, fresh.secret),
        createdAt: now,
      });
      return { replacedBy: fresh.kid };
    });
  }

  async active(profileId: number): Promise<SigningKey> {
    const row = this.forProfile.all(profileId).find((r) => r.retired_at === null);
    return row ? { kid: row.kid, secret: this.open(row) } : this.rotate(profileId);
  }

  async verifying(profileId: number): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const row of this.forProfile.all(profileId)) {
      if (row.retired_at === null) keys.set(row.kid, this.open(row));
    }
    return keys;
  }

  async rotate(profileId: number, now = Date.now()): Promise<SigningKey> {
    const key = newSigningKey();
    this.insert.run({
      kid: key.kid,
      profileId,
      secret: sealSigningKey(this.box, key.secret),
      createdAt: now,
    });
    return key;
  }

  async retire(
    profileId: number,
    kid: string,
    now = Date.now(),
  ): Promise<{ replacedBy: string | null } | null> {
    return this.retireInOne(profileId, kid, now);
  }

  async list(profileId: number): Promise<SigningKeyInfo[]> {
    return describeKeys(this.forProfile.all(profileId));
  }

  private open(row: KeyRow): Buffer {
    return openSigningKey(this.box, row.secret);
  }
}
