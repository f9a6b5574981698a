import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  constants as fsConstants,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ownerOnlyIfPresent } from '../store/owner-only';
import type { SecretBox } from './secret-box';

export const KEY_FILE = 'secret.key';
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key kept in `<dataDir>/secret.key`, readable by
 * the user only (0600). Sealed form: version | iv | tag | ciphertext.
 */
export function keyFileBox(dataDir: string): SecretBox {
  return keyFileBoxAt(join(dataDir, KEY_FILE));
}

/**
 * The same, with the key at a path of its own: a team server keeps it
 * outside the database (whoever can read a dump must not read the tokens),
 * and every replica is given the same file.
 */
export function keyFileBoxAt(path: string): SecretBox {
  const key = loadOrCreateKey(path);
  return {
    kind: 'key-file',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
        throw new Error('A stored secret is not in a format this app can read.');
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([
          decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new Error(
          `A stored secret cannot be decrypted: ${KEY_FILE} was replaced or the database copied from elsewhere.`,
        );
      }
    },
  };
}

function loadOrCreateKey(path: string): Buffer {
  // Written aside, then linked into place: replicas starting together never read a half-written key.
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(aside, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(32));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file system without hard links (FAT, some shares): create in place, as a lone process may.
    if (code !== 'EEXIST') copyUnlessPresent(aside, path);
  } finally {
    rmSync(aside, { force: true });
  }
  // An existing key that others can read is tightened, not trusted as is.
  ownerOnlyIfPresent(path);
  const key = readFileSync(path);
  if (key.length !== 32)
    throw new Error(
      `${path} is not a 32-byte key; move it aside to start with a new one (stored secrets will be lost).`,
    );
  return key;
}

function copyUnlessPresent(from: string, to: string): void {
  try {
    copyFileSync(from, to, fsConstants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
