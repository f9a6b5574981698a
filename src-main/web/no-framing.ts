import type { ServerResponse } from 'node:http';

/**
 * No page of another site may frame what the bridge serves: a framed UI can
 * be overlaid to trick the user's clicks (clickjacking). CSP `frame-ancestors`
 * is the current rule, and only a header can carry it (a <meta> CSP cannot);
 * X-Frame-Options covers browsers that predate it.
 */
export function refuseFraming(res: ServerResponse): void {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
}
