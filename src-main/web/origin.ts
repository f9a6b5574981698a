import { isLoopbackHost } from './auth';

/**
 * Browsers name the page behind a request in `Origin`. A call made by a page
 * of another site, or from an opaque origin (`null`: a sandboxed frame, a
 * file), is foreign even when it carries the token. No header is not foreign:
 * curl and scripts send none, nor do browsers on same-origin GETs. The origin
 * is parsed, never matched as a string.
 */
export function isForeignOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return true;
  }
  // An Origin is scheme://host[:port] and nothing more.
  if (url.protocol !== 'http:' || url.origin !== origin.toLowerCase()) return true;
  return !isLoopbackHost(`${url.hostname}:${url.port || '80'}`, port);
}
