import { isLoopbackHost } from './auth';
import { isForeignOrigin } from './origin';

/** `host[:port]` as a Host header names it, normalized (case, default port); null for anything else. */
function hostOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return null;
  }
  // A bare host and port only: userinfo, a path, a query or stray characters make it something else.
  const given = value.toLowerCase();
  return given === url.host || given === `${url.host}:80` ? url.host : null;
}

/**
 * The Host header names this bridge: loopback on its port, as always, or a
 * public host it was told it is reached through (a team server behind a
 * proxy, `new URL(publicUrl).host`). Anything else is a page on another site
 * that re-bound its DNS name to this machine.
 */
export function isAllowedHost(
  hostHeader: string | undefined,
  port: number,
  allowedHosts: readonly string[],
): boolean {
  if (isLoopbackHost(hostHeader, port)) return true;
  if (!hostHeader || allowedHosts.length === 0) return false;
  const host = hostOf(hostHeader);
  return host !== null && allowedHosts.some((allowed) => hostOf(allowed) === host);
}

/**
 * The page behind a request is this bridge's own, at loopback or at one of
 * its public hosts (where a proxy may have added TLS); no Origin header is no
 * cross-site call. With no public hosts, exactly the local rule
 * (isForeignOrigin).
 */
export function isOwnOrigin(
  origin: string | undefined,
  port: number,
  allowedHosts: readonly string[],
): boolean {
  if (!isForeignOrigin(origin, port)) return true;
  if (origin === undefined || allowedHosts.length === 0) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.toLowerCase()) {
    return false;
  }
  return allowedHosts.some((allowed) => hostOf(allowed) === url.host);
}
