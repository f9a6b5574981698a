import { createHmac, timingSafeEqual } from 'node:crypto';
import { LinkError } from './checks';

const MAC_CHARS = 43; // 32 bytes in unpadded base64url
const KID = /^k[0-9a-f]{8}$/;

export const mac = (secret: Buffer, canonical: string): string =>
  createHmac('sha256', secret).update(canonical, 'utf8').digest('base64url');

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
  if (dot < 0 || !KID.test(kid) || encoded.length !== MAC_CHARS || !/^[A-Za-z0-9_-]+$/.test(encoded)) {
    throw new LinkError('bad-signature-format');
  }
  const bytes = Buffer.from(encoded, 'base64url');
  if (bytes.length !== 32 || bytes.toString('base64url') !== encoded)
    throw new LinkError('bad-signature-format');
  return { kid, mac: bytes };
}

export function macMatches(expected: string, given: Buffer): boolean {
  const want = Buffer.from(expected, 'base64url');
  return want.length === given.length && timingSafeEqual(want, given);
}
