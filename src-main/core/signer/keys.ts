import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';

interface KeyRow {
  kid: string;
  profile_id: number;
  secret: Buffer;
  created_at: number;
  retired_at: number | null;
}

export interface SigningKeyInfo {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  active: boolean;
}

/**
 * Each bot's signing keys: 32 random bytes, sealed at rest. The newest key
 * that is not retired signs; every key not retired verifies, so links made
 * before a rotation keep working until their key is retired.
 */
export class KeyRing {
  private readonly forProfile: Statement<[number], KeyRow>;
  private readonly byKid: Statement<[string], KeyRow>;
  private readonly insert: Statement;
  private readonly retireStmt: Statement<[number, string]>;

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.forProfile = db.prepare(
      'SELECT * FROM signing_keys WHERE profile_id = ? ORDER BY created_at DESC, rowid DESC',
    );
    this.byKid = db.prepare('SELECT * FROM signing_keys WHERE kid = ?');
    this.insert = db.prepare(
      'INSERT INTO signing_keys (kid, profile_id, secret, created_at) VALUES (@kid, @profileId, @secret, @createdAt)',
    );
    this.retireStmt = db.prepare(
      'UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL',
    );
  }

  /** The key that signs now; the first one is made on first use. */
  active(profileId: number): { kid: string; secret: Buffer } {
    const row = this.forProfile.all(profileId).find((r) => r.retired_at === null);
    return row ? { kid: row.kid, secret: this.open(row) } : this.rotate(profileId);
  }

  /** A key of this bot that may still verify, or null. */
  verifying(profileId: number, kid: string): Buffer | null {
    const row = this.byKid.get(kid);
    if (!row || row.profile_id !== profileId || row.retired_at !== null) return null;
    return this.open(row);
  }

  rotate(profileId: number, now = Date.now()): { kid: string; secret: Buffer } {
    const secret = randomBytes(32);
    const kid = `k${randomBytes(4).toString('hex')}`;
    this.insert.run({ kid, profileId, secret: this.box.encrypt(secret.toString('base64')), createdAt: now });
    return { kid, secret };
  }

  retire(kid: string, now = Date.now()): boolean {
    return this.retireStmt.run(now, kid).changes > 0;
  }

  list(profileId: number): SigningKeyInfo[] {
    const rows = this.forProfile.all(profileId);
    const activeKid = rows.find((r) => r.retired_at === null)?.kid;
    return rows.map((r) => ({
      kid: r.kid,
      createdAt: new Date(r.created_at).toISOString(),
      retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
      active: r.kid === activeKid,
    }));
  }

  private open(row: KeyRow): Buffer {
    return Buffer.from(this.box.decrypt(row.secret), 'base64');
  }
}
