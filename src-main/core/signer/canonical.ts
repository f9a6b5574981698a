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
