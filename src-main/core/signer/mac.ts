import { createHmac, timingSafeEqual } from 'node:crypto';
import { LinkError } from './checks';

const MAC_CHARS = 43; // 32 bytes in unpadded base64url
const KID = /^k[0-9a-f]{8}$/;

export const mac = (secret: Buffer, canonical: string): string =>
  createHmac('sha256', secret).update(canonical, 'utf8').digest('base64url');

/** The MAC as bytes: what verification compares, without a round trip through base64url. */
export const macBytes = (secret: Buffer, canonical: string): Buffer =>
  createHmac('sha256', secret).update(canonical, 'utf8').digest();

/**
 * 43 base64url characters carry 258 bits for 32 bytes: the last character's
 * two spare bits must be zero in the signer's own (canonical) encoding.
 */
const CANONICAL_LAST = /[AEIMQUYcgkosw048]$/;

/** `<kid>.<mac>`: the signature names its key. */
export const formatSig = (kid: string, value: string): string => `${kid}.${value}`;

/**
 * Splits a signature, refusing any form the signer would not have written:
 * base64url has several encodings of the same bytes (unused trailing bits),
 * and only the canonical one is accepted.
 */
export function parseSig(sig: string): { kid: string; mac: Buffer } {
  const dot = sig.indexOf('.');
  const kid = sig.slice(0, dot);
  const encoded = sig.slice(dot + 1);
  if (
    dot < 0 ||
    !KID.test(kid) ||
    encoded.length !== MAC_CHARS ||
    !/^[A-Za-z0-9_-]+$/.test(encoded) ||
    !CANONICAL_LAST.test(encoded)
  ) {
    throw new LinkError('bad-signature-format');
  }
  return { kid, mac: Buffer.from(encoded, 'base64url') };
}

export function macMatches(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}
