import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownerOnlyDir, ownerOnlyFile } from '../core';
import { newToken } from './auth';

/** The local app's UI token, kept in the data dir so the session (and open tabs) outlive a restart. */
export const UI_TOKEN_FILE = 'ui-token';

/** What newToken makes: 32 random bytes as base64url. Anything else in the file is not trusted. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The UI token from `<dataDir>/ui-token` (0600), made on first start. With
 * `rotate`, a new one replaces it: every browser holding the old one is
 * refused from then on and must open the newly printed address.
 */
export function sessionToken(
  dataDir: string,
  options: { rotate?: boolean } = {},
): {
  token: string;
  rotated: boolean;
} {
  ownerOnlyDir(dataDir);
  const path = join(dataDir, UI_TOKEN_FILE);
  if (!options.rotate) {
    const kept = readToken(path);
    if (kept !== null) {
      // Tightened again if an older version or a hand edit left it open to other users.
      ownerOnlyFile(path);
      return { token: kept, rotated: false };
    }
  }
  const token = newToken();
  // Written whole, then renamed: a crash mid-write never leaves half a token to be read back.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${token}\n`, { mode: 0o600 });
  ownerOnlyFile(temporary);
  renameSync(temporary, path);
  return { token, rotated: true };
}

function readToken(path: string): string | null {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return TOKEN_SHAPE.test(text) ? text : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
