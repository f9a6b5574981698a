import { LINK_PATH } from '@contract/link-rules';
import { canonicalString, encodeComponent, type LinkFields } from './canonical';
import { LinkError, RESERVED } from './checks';
import { formatSig, mac } from './mac';

export interface SignInput {
  /** Where the link points: the receiver's public origin, e.g. https://abc.tunnel.example */
  baseUrl: string;
  botId: number;
  userId: string | number;
  command: string;
  options?: unknown;
  params?: Record<string, unknown> | ReadonlyArray<readonly [string, unknown]>;
  redirect?: string | null;
  /** Seconds from now. */
  expiresIn?: number | null;
  now?: number;
}

export const isHttpsUrl = (value: string): boolean => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

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
