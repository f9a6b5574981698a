import { LINK_PATH, parseBotId } from '@contract/link-rules';
import { canonicalString } from './canonical';
import { LinkError } from './checks';
import { macBytes, macMatches, parseSig } from './mac';
import { type ParsedQuery, parseLinkQuery } from './query';
import { isHttpsUrl } from './sign';

export interface VerifiedLink extends ParsedQuery {
  botId: number;
  kid: string;
  /** The options parsed from the exact JSON text that was signed. */
  optionsValue: unknown;
  expiresAt: number | null;
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

/**
 * For a whole URL (the verifier panel, the CLI): it must start exactly with
 * one of this inspector's bases and the link route, with no fragment. Raw
 * comparison: `HTTP://`, `:08787` or a trailing `#` are not the signed link.
 */
export function splitLinkUrl(raw: string, bases: readonly string[]): { botId: number; rawQuery: string } {
  if (raw.includes('#')) throw new LinkError('wrong-address', 'a signed link has no fragment');
  const q = raw.indexOf('?');
  if (q < 0) throw new LinkError('missing-field', 'no query');
  const prefix = raw.slice(0, q);
  for (const base of bases) {
    const start = `${base.replace(/\/+$/, '')}${LINK_PATH}`;
    if (!prefix.startsWith(start)) continue;
    const id = prefix.slice(start.length);
    const botId = parseBotId(id);
    if (botId === null) throw new LinkError('wrong-address', `bot id "${id}"`);
    return { botId, rawQuery: raw.slice(q + 1) };
  }
  throw new LinkError(
    'wrong-address',
    `expected ${bases.map((b) => `${b}${LINK_PATH}<bot id>`).join(' or ')}`,
  );
}
