// The signer as it was before the fast paths (issue 11), kept verbatim as the
// oracle the equivalence tests compare the current signer with: same link
// text, same canonical text, same parse result, same error check and message.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { LinkFields } from '../../../src-main/core/signer/canonical';
import { LinkError, RESERVED } from '../../../src-main/core/signer/checks';
import type { ParsedQuery } from '../../../src-main/core/signer/query';
import type { SignInput } from '../../../src-main/core/signer/sign';
import type { VerifiedLink } from '../../../src-main/core/signer/verify';

const LINK_PATH = '/ownlang/webhook/';
const CANONICAL_VERSION = 'bwi-link-v1';

const isHttpsUrl = (value: string): boolean => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

const field = (name: string, value: string | null): string =>
  value === null ? `${name}!` : `${name}=${Buffer.byteLength(value, 'utf8')}:${value}`;

export function canonicalString(f: LinkFields): string {
  const params = [...f.params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    CANONICAL_VERSION,
    field('bot', f.botId),
    field('kid', f.kid),
    field('command', f.command),
    field('options', f.options),
    field('user', f.user),
    `params=${params.length}`,
    ...params.flatMap(([k, v]) => [field('param-name', k), field('param-value', v)]),
    field('redirect', f.redirect),
    field('expires', f.expires),
  ].join('\n');
}

/** Query encoding: the only form the verifier accepts for a key or value. */
export const encodeComponent = (value: string): string => encodeURIComponent(value);

const MAC_CHARS = 43; // 32 bytes in unpadded base64url
const KID = /^k[0-9a-f]{8}$/;

const mac = (secret: Buffer, canonical: string): string =>
  createHmac('sha256', secret).update(canonical, 'utf8').digest('base64url');

/** The MAC as bytes: what verification compares, without a round trip through base64url. */
const macBytes = (secret: Buffer, canonical: string): Buffer =>
  createHmac('sha256', secret).update(canonical, 'utf8').digest();

/**
 * 43 base64url characters carry 258 bits for 32 bytes: the last character's
 * two spare bits must be zero in the signer's own (canonical) encoding.
 */
const CANONICAL_LAST = /[AEIMQUYcgkosw048]$/;

const formatSig = (kid: string, value: string): string => `${kid}.${value}`;

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

/** TeleBotHost's getUrlFor: a link that runs `command` for one user, every value signed. */
export function signLink(key: { kid: string; secret: Buffer }, input: SignInput): string {
  const command = input.command.trim();
  if (command === '') throw new LinkError('missing-field', 'command');
  const user = String(input.userId).trim();
  if (user === '') throw new LinkError('missing-field', 'user');
  const params = paramsOf(input.params);
  const redirect = input.redirect ? input.redirect : null;
  if (redirect !== null && !isHttpsUrl(redirect)) throw new LinkError('bad-redirect', redirect);
  let expires: string | null = null;
  if (input.expiresIn != null) {
    if (!Number.isInteger(input.expiresIn) || input.expiresIn <= 0) {
      throw new LinkError('non-canonical', 'expiresIn must be a positive whole number of seconds');
    }
    expires = String(Math.floor((input.now ?? Date.now()) / 1000) + input.expiresIn);
  }
  const options = input.options === undefined ? null : JSON.stringify(input.options);
  if (options === undefined) throw new LinkError('bad-options');

  const fields: LinkFields = {
    botId: String(input.botId),
    kid: key.kid,
    command,
    options,
    user,
    params,
    redirect,
    expires,
  };
  const sig = formatSig(key.kid, mac(key.secret, canonicalString(fields)));
  const pairs: Array<[string, string]> = [['command', command]];
  if (options !== null) pairs.push(['options', options]);
  pairs.push(['sig', sig], ['user', user], ...params);
  if (redirect !== null) pairs.push(['redirect', redirect]);
  if (expires !== null) pairs.push(['expires', expires]);
  const query = pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
  return `${input.baseUrl.replace(/\/+$/, '')}${LINK_PATH}${input.botId}?${query}`;
}

function paramsOf(input: SignInput['params']): Array<[string, string]> {
  const entries: ReadonlyArray<readonly [string, unknown]> = Array.isArray(input)
    ? (input as ReadonlyArray<readonly [string, unknown]>)
    : Object.entries((input ?? {}) as Record<string, unknown>);
  const seen = new Set<string>();
  return entries.map(([name, value]) => {
    if (name === '') throw new LinkError('malformed', 'a parameter needs a name');
    if (RESERVED.has(name)) throw new LinkError('reserved-parameter', name);
    if (name.includes('[')) throw new LinkError('array-parameter', name);
    if (seen.has(name)) throw new LinkError('duplicate-parameter', name);
    seen.add(name);
    if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
      throw new LinkError('array-parameter', name);
    }
    if (value === undefined || value === null) throw new LinkError('missing-field', `value of ${name}`);
    return [name, String(value)];
  });
}

/**
 * Verifies a link's query for a bot: strict parsing, the key the signature
 * names, a constant-time MAC check over the received values, then redirect
 * and expiry. Throws a LinkError naming the failed check.
 */
export function verifyLinkQuery(
  botId: number,
  rawQuery: string,
  keyFor: (kid: string) => Buffer | null,
  now = Date.now(),
): VerifiedLink {
  const q = parseLinkQuery(rawQuery);
  const { kid, mac } = parseSig(q.sig);
  const secret = keyFor(kid);
  if (!secret) throw new LinkError('unknown-key', kid);
  const canonical = canonicalString({
    botId: String(botId),
    kid,
    command: q.command,
    options: q.options,
    user: q.user,
    params: q.params,
    redirect: q.redirect,
    expires: q.expires,
  });
  if (!macMatches(macBytes(secret, canonical), mac)) throw new LinkError('bad-signature');
  // Signed but unusable: the signer refuses these, so they only come from an older signer or a bug.
  if (q.redirect !== null && !isHttpsUrl(q.redirect)) throw new LinkError('bad-redirect', q.redirect);
  let optionsValue: unknown = {};
  if (q.options !== null) {
    try {
      optionsValue = JSON.parse(q.options);
    } catch {
      throw new LinkError('bad-options');
    }
  }
  const expiresAt = q.expires === null ? null : Number(q.expires) * 1000;
  if (expiresAt !== null && now >= expiresAt) {
    throw new LinkError('expired', `at ${new Date(expiresAt).toISOString()}`);
  }
  return { ...q, botId, kid, optionsValue, expiresAt };
}
