import { safeStorage } from 'electron';
import type { SecretBox } from '../core';

/**
 * Secrets sealed by the OS keychain through Electron's safeStorage. Where
 * there is no keychain, core falls back to its 0600 key file. On Linux without
 * a keyring safeStorage still "works" with its `basic_text` store, whose key is
 * a password hard-coded in Chromium: that is no keychain, and the key file,
 * readable by the user only, protects the secrets better.
 *
 * Call after `app` is ready: before it, Linux reports the backend `unknown`.
 */
export function safeStorageBox(platform: NodeJS.Platform = process.platform): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  // getSelectedStorageBackend exists on Linux only.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    kind: 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
