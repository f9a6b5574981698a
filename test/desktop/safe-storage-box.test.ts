import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorageBox } from '../../src-main/desktop/safe-storage-box';

const safeStorage = vi.hoisted(() => ({
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${plain}`)),
  decryptString: vi.fn((sealed: Buffer) => sealed.toString().replace(/^sealed:/, '')),
}));

vi.mock('electron', () => ({ safeStorage }));

describe('safeStorageBox', () => {
  beforeEach(() => {
    safeStorage.isEncryptionAvailable.mockReturnValue(true);
    safeStorage.getSelectedStorageBackend.mockReset();
    safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  });

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])(
    'seals with the OS keychain on Linux with a keyring (%s)',
    (backend) => {
      safeStorage.getSelectedStorageBackend.mockReturnValue(backend);
      const box = safeStorageBox('linux');
      expect(box?.kind).toBe('os-keychain');
      expect(box?.decrypt(box.encrypt('token'))).toBe('token');
    },
  );

  it("falls back to the key file on Linux's basic_text store (a hard-coded password, no keychain)", () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(safeStorageBox('linux')).toBeUndefined();
  });

  it('falls back to the key file where encryption is not available', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(safeStorageBox('linux')).toBeUndefined();
    expect(safeStorageBox('darwin')).toBeUndefined();
  });

  it.each(['darwin', 'win32'] as const)(
    'uses the keychain on %s without asking for a Linux backend',
    (platform) => {
      expect(safeStorageBox(platform)?.kind).toBe('os-keychain');
      expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
    },
  );
});
