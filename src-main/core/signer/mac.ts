import { createHmac, timingSafeEqual } from 'node:crypto';
import { LinkError } from './checks';

const KID_CHARS = 9; // k + 8 hex digits
const MAC_CHARS = 43; // 32 bytes in unpadded base64url

export const mac = (secret: Buffer, canonical: string): string =>
  createHmac('sha256', secret).update(canonical, 'utf8').digest('base64url');

/**
 * `<kid>.<mac>`: `k` and 8 hex digits, then 32 bytes as 43 unpadded base64url
 * characters. Those carry 258 bits: the last character's two spare bits must
 * be zero in the signer's own (canonical) encoding.
 */
const SIG = /^k[0-9a-f]{8}\.[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** `<kid>.<mac>`: the signature names its key. */
export const formatSig = (kid: string, value: string): string => `${kid}.${value}`;

/**
 * Splits a signature, refusing any form the signer would not have written:
 * base64url has several encodings of the same bytes (unused trailing bits),
 * and only the canonical one is accepted. One test covers the key id, the
 * dot, the length, the alphabet and the last character. The MAC stays text:
 * being canonical, it equals the signer's text exactly when the bytes are equal.
 */
export function parseSig(sig: string): { kid: string; mac: string } {
  if (!SIG.test(sig)) throw new LinkError('bad-signature-format');
  return { kid: sig.slice(0, KID_CHARS), mac: sig.slice(KID_CHARS + 1) };
}

/** Room for the two MACs macMatches compares: it allocates nothing per link. */
const scratch = Buffer.alloc(2 * MAC_CHARS);
const expectedBytes = scratch.subarray(0, MAC_CHARS);
const givenBytes = scratch.subarray(MAC_CHARS);

/**
 * Compares, in constant time, the MAC computed here (`mac`) with one from
 * parseSig: both are canonical base64url, so equal text is equal bytes. Both
 * are plain ASCII, written one byte a character into the scratch buffer.
 */
export function macMatches(expected: string, given: string): boolean {
  if (expected.length !== MAC_CHARS || given.length !== MAC_CHARS) return false;
  scratch.write(expected, 0, 'latin1');
  scratch.write(given, MAC_CHARS, 'latin1');
  return timingSafeEqual(expectedBytes, givenBytes);
}
