import { createHash, randomBytes } from 'node:crypto';

/** A prefix that secret scanners and people can recognise in a pasted token. */
const PREFIX = 'bwi_';
/** 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^bwi_[A-Za-z0-9_-]{43}$/;

/** A person's token: shown once, when it is made; only its hash is kept. */
export function newPersonalToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Could this be one of ours? Anything else is refused without asking the database. */
export const looksLikePersonalToken = (token: string): boolean => TOKEN_PATTERN.test(token);

/**
 * The token's SHA-256, the only form the database holds. A token is 256
 * random bits, so a plain hash is enough (no salt or slow hash: there is no
 * guessable password to protect), and looking a token up by its hash leaks
 * nothing an attacker can use about any stored token.
 */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
