import { isLoopbackHost } from './auth';

/**
 * Browsers name the page behind a request in `Origin`. A call made by a page
 * of another site, or from an opaque origin (`null`: a sandboxed frame, a
 * file), is foreign even when it carries the token. No header is not foreign:
 * curl and scripts send none, nor do browsers on same-origin GETs. The origin
 * is parsed, never matched as a string. `allowedHosts` are the other names
 * this bridge is served under (a team server's public host behind its proxy).
 */
export function isForeignOrigin(
  origin: string | undefined,
  port: number,
  allowedHosts: readonly string[] = [],
): boolean {
  if (origin === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return true;
  }
  // An Origin is scheme://host[:port] and nothing more.
  if (url.origin !== origin.toLowerCase()) return true;
  // A page under one of this bridge's own host names is its own (https behind the TLS proxy, http for one
  // on this machine); another site's page cannot name this host.
  if ((url.protocol === 'https:' || url.protocol === 'http:') && allowedHosts.includes(url.host))
    return false;
  if (url.protocol !== 'http:') return true;
  return !isLoopbackHost(`${url.hostname}:${url.port || '80'}`, port);
}
