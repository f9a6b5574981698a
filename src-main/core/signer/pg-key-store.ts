import type { SecretBox } from '../secrets/secret-box';
import type { Sql, TransactionSql } from '../store/pg/connect';
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
  secret: Buffer;
  created_at: Date;
  retired_at: Date | null;
}

/**
 * Signing keys in PostgreSQL, shared by every replica. Times come from the
 * database's clock (clock_timestamp(), microseconds), not a replica's: which
 * key is newest, and so signs, must not depend on whose clock runs ahead.
 * The key id breaks a tie only so that every replica breaks it alike.
 */
export class PgKeyStore implements KeyStore {
  constructor(
    private readonly sql: Sql,
    private readonly box: SecretBox,
  ) {}

  async active(profileId: number): Promise<SigningKey> {
    const found = await this.newestUnretired(this.sql, profileId);
    if (found) return found;
    // The first key of a bot: replicas signing for it at once must agree on
    // one, so they queue on the profile's row and look again.
    return this.sql.begin(async (tx) => {
      await tx`SELECT 1 FROM bot_profiles WHERE id = ${profileId} FOR NO KEY UPDATE`;
      return (await this.newestUnretired(tx, profileId)) ?? (await this.insert(tx, profileId));
    });
  }

  async verifying(profileId: number): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const row of await this.rows(profileId)) {
      if (row.retired_at === null) keys.set(row.kid, openSigningKey(this.box, row.secret));
    }
    return keys;
  }

  async rotate(profileId: number): Promise<SigningKey> {
    return this.insert(this.sql, profileId);
  }

  /**
   * Replicas retiring and rotating one bot's keys at once queue on its
   * profile row, so "was it the active key?" is answered by the state the
   * retirement changes, and a fresh key is there before anyone signs again.
   */
  async retire(profileId: number, kid: string): Promise<{ replacedBy: string | null } | null> {
    return this.sql.begin(async (tx) => {
      await tx`SELECT 1 FROM bot_profiles WHERE id = ${profileId} FOR NO KEY UPDATE`;
      const active = await this.newestUnretired(tx, profileId);
      const rows = await tx`
        UPDATE signing_keys SET retired_at = clock_timestamp()
        WHERE kid = ${kid} AND profile_id = ${profileId} AND retired_at IS NULL RETURNING kid`;
      if (rows.length === 0) return null;
      if (active?.kid !== kid) return { replacedBy: null };
      return { replacedBy: (await this.insert(tx, profileId)).kid };
    });
  }

  async list(profileId: number): Promise<SigningKeyInfo[]> {
    return describeKeys(await this.rows(profileId));
  }

  private rows(profileId: number): Promise<KeyRow[]> {
    return this.sql<KeyRow[]>`
      SELECT kid, secret, created_at, retired_at FROM signing_keys
      WHERE profile_id = ${profileId} ORDER BY created_at DESC, kid DESC`;
  }

  private async newestUnretired(sql: Sql | TransactionSql, profileId: number): Promise<SigningKey | null> {
    const [row] = await sql<Pick<KeyRow, 'kid' | 'secret'>[]>`
      SELECT kid, secret FROM signing_keys WHERE profile_id = ${profileId} AND retired_at IS NULL
      ORDER BY created_at DESC, kid DESC LIMIT 1`;
    return row ? { kid: row.kid, secret: openSigningKey(this.box, row.secret) } : null;
  }

  private async insert(sql: Sql | TransactionSql, profileId: number): Promise<SigningKey> {
    const key = newSigningKey();
    await sql`
      INSERT INTO signing_keys (kid, profile_id, secret, created_at)
      VALUES (${key.kid}, ${profileId}, ${sealSigningKey(this.box, key.secret)}, clock_timestamp())`;
    return key;
  }
}
