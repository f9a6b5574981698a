/**
 * The one definition of what a signature covers (README: "Signed links").
 * Every field is written as `name=<UTF-8 byte length>:<value>` on its own
 * line, an absent field as `name!`, params sorted by name and counted, so no
 * two different links can produce the same text.
 */
export interface LinkFields {
  /** The bot (profile) id from the path. */
  botId: string;
  /** The key id the signature names. */
  kid: string;
  command: string;
  /** The options exactly as carried in the link (JSON text), or null when absent. */
  options: string | null;
  user: string;
  params: ReadonlyArray<readonly [string, string]>;
  redirect: string | null;
  /** Unix seconds, exactly as carried, or null. */
  expires: string | null;
}

export const CANONICAL_VERSION = 'bwi-link-v1';

/**
 * UTF-8 byte length. Link values are nearly always ASCII, where it is the
 * string's length: a scan is much cheaper than asking Buffer.
 */
function utf8Length(value: string): number {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x7f) return Buffer.byteLength(value, 'utf8');
  }
  return value.length;
}

/** `\n<name>=<len>:<value>` or `\n<name>!`: one line, with the newline that ends the previous one. */
const line = (name: string, value: string | null): string =>
  value === null ? `\n${name}!` : `\n${name}=${utf8Length(value)}:${value}`;

const byName = (a: readonly [string, string], b: readonly [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/**
 * Built by concatenation (no arrays to join): it runs twice per signed link
 * and verification, and is on the hot path of the link route.
 */
export function canonicalString(f: LinkFields): string {
  // Array sort is stable, so a copy sorted the same way keeps equal names in their given order.
  const params = f.params.length > 1 ? f.params.slice().sort(byName) : f.params;
  let text =
    CANONICAL_VERSION +
    line('bot', f.botId) +
    line('kid', f.kid) +
    line('command', f.command) +
    line('options', f.options) +
    line('user', f.user) +
    `\nparams=${params.length}`;
  for (const [name, value] of params) text += line('param-name', name) + line('param-value', value);
  return text + line('redirect', f.redirect) + line('expires', f.expires);
}

/** What encodeURIComponent leaves as it is: such text is its own encoding. */
const UNESCAPED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/**
 * Query encoding: the only form the verifier accepts for a key or value.
 * Exactly encodeURIComponent (including its URIError on a lone surrogate);
 * the test first skips the encoder for text it would return unchanged.
 */
export const encodeComponent = (value: string): string =>
  UNESCAPED.test(value) ? value : encodeURIComponent(value);
