import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../secrets/secret-box';

export interface SigningKeyInfo {
  kid: string;
  createdAt: string;
  retiredAt: string | null;
  active: boolean;
}

export interface SigningKey {
  kid: string;
  secret: Buffer;
}

/**
 * Each bot's signing keys: 32 random bytes, sealed at rest. The newest key
 * that is not retired signs; every key not retired verifies, so links made
 * before a rotation keep working until their key is retired. A key that was
 * rotated out never becomes the signer again.
 */
export interface KeyStore {
  /** The key that signs now; the first one is made on first use. */
  active(profileId: number): Promise<SigningKey>;
  /** This bot's keys that may still verify, by key id. */
  verifying(profileId: number): Promise<Map<string, Buffer>>;
  rotate(profileId: number): Promise<SigningKey>;
  /**
   * Retires one of the bot's keys; null when it has no such key, or it was
   * retired already. Retiring the active key makes a fresh key in the same
   * transaction (`replacedBy`), so an older, rotated-out key, perhaps the
   * one rotated away from because it leaked, never signs again.
   */
  retire(profileId: number, kid: string): Promise<{ replacedBy: string | null } | null>;
  list(profileId: number): Promise<SigningKeyInfo[]>;
}

/** A new key: its id names it in every signature it makes. */
export const newSigningKey = (): SigningKey => ({
  kid: `k${randomBytes(4).toString('hex')}`,
  secret: randomBytes(32),
});

/** Keys are sealed as base64 text: the SecretBox seals strings. */
export const sealSigningKey = (box: SecretBox, secret: Buffer): Buffer =>
  box.encrypt(secret.toString('base64'));

export const openSigningKey = (box: SecretBox, sealed: Buffer): Buffer =>
  Buffer.from(box.decrypt(sealed), 'base64');

/** Keys newest first (as both engines list them), described for the UI; times in ms (SQLite) or Dates (PostgreSQL). */
export function describeKeys(
  rows: Array<{ kid: string; created_at: number | Date; retired_at: number | Date | null }>,
): SigningKeyInfo[] {
  const activeKid = rows.find((r) => r.retired_at === null)?.kid;
  return rows.map((r) => ({
    kid: r.kid,
    createdAt: new Date(r.created_at).toISOString(),
    retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
    active: r.kid === activeKid,
  }));
}
