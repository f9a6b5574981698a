import { encodeComponent } from './canonical';
import { LinkError, RESERVED } from './checks';

export interface ParsedQuery {
  command: string;
  options: string | null;
  sig: string;
  user: string;
  params: Array<[string, string]>;
  redirect: string | null;
  expires: string | null;
}

/**
 * Reads a link's raw query strictly: every pair present once, in the exact
 * encoding the signer writes, nothing empty, nothing array-valued. The
 * values are those received, byte for byte: nothing is re-serialized.
 */
export function parseLinkQuery(rawQuery: string): ParsedQuery {
  if (rawQuery === '') throw new LinkError('missing-field', 'no query');
  const seen = new Map<string, string>();
  const order: string[] = [];
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    if (pair === '' || eq <= 0) throw new LinkError('malformed', 'an empty or nameless parameter');
    const rawKey = pair.slice(0, eq);
    const rawValue = pair.slice(eq + 1);
    const key = canonicalDecode(rawKey, () => decode(rawKey));
    const value = canonicalDecode(rawValue, () => key);
    if (key.endsWith('[]') || key.includes('[')) throw new LinkError('array-parameter', key);
    if (seen.has(key)) throw new LinkError('duplicate-parameter', key);
    seen.set(key, value);
    order.push(key);
  }
  const take = (name: string): string | null => {
    const value = seen.get(name);
    seen.delete(name);
    return value ?? null;
  };
  const command = take('command');
  const sig = take('sig');
  const user = take('user');
  if (command === null || sig === null || user === null || command === '' || user === '') {
    throw new LinkError('missing-field');
  }
  const options = take('options');
  const redirect = take('redirect');
  const expires = take('expires');
  if (expires !== null && !/^[1-9]\d{0,11}$/.test(expires)) throw new LinkError('non-canonical', 'expires');
  const params: Array<[string, string]> = [];
  for (const key of order) {
    if (!seen.has(key)) continue;
    if (RESERVED.has(key)) throw new LinkError('reserved-parameter', key);
    params.push([key, seen.get(key) as string]);
  }
  return { command, options, sig, user, params, redirect, expires };
}

/** What encodeURIComponent leaves as it is: text made only of these needs no decoding and is canonical. */
const UNESCAPED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** A key or value decoded, refused (naming its parameter) unless written exactly as the signer writes it. */
function canonicalDecode(raw: string, name: () => string): string {
  if (UNESCAPED.test(raw)) return raw;
  const decoded = decode(raw);
  if (encodeComponent(decoded) !== raw) throw new LinkError('non-canonical', name());
  return decoded;
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new LinkError('malformed', 'bad percent-encoding');
  }
}
