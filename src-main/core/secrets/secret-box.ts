/**
 * Encrypts secrets at rest (bot tokens, JWTs, signing keys). The desktop
 * shell passes one backed by Electron's safeStorage; web mode and tests use
 * a key file in the data dir.
 */
export interface SecretBox {
  /** For the README and settings: where the key lives. */
  readonly kind: 'os-keychain' | 'key-file';
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}
