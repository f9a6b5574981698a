import { safeStorage } from 'electron';
import type { SecretBox } from '../core/secrets/secret-box';

/**
 * Secrets sealed by the OS keychain through Electron's safeStorage. Where it
 * is not available (Linux without a keyring), core falls back to its key file.
 */
export function safeStorageBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    kind: 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
