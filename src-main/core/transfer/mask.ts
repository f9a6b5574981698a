/** What stands in for a masked credential in an export. */
export const MASK = '***';

/**
 * Header names that carry credentials, by pattern rather than a list: bots
 * and proxies invent their own (`X-Api-Key`, `X-Hub-Signature-256`,
 * `X-Telegram-Bot-Api-Secret-Token`), and one missed name leaks a secret.
 */
const CREDENTIAL_HEADER = /authorization|cookie|token|secret|key|signature|passw/i;

/** Query parameters that look like credentials (`?token=…`, `?api_key=…`, `?access_token=…`). */
const CREDENTIAL_PARAM = /token|secret|key|signature|passw|auth/i;

export const isCredentialHeader = (name: string): boolean => CREDENTIAL_HEADER.test(name);

export function maskHeaders(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.map(([k, v]) => [k, isCredentialHeader(k) ? MASK : v]);
}

/**
 * The query with credential-like values masked. `sig` of a signed link is a
 * credential too, but masking it breaks a lossless round trip, so only when
 * asked (`maskSig`). Everything else keeps its exact bytes.
 */
export function maskQuery(query: string, maskSig: boolean): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      let name: string;
      try {
        name = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' '));
      } catch {
        return pair;
      }
      const masked = name === 'sig' ? maskSig : CREDENTIAL_PARAM.test(name);
      if (!masked) return pair;
      return `${pair.slice(0, eq)}=${MASK}`;
    })
    .join('&');
}
