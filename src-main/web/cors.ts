import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A team server answers pages of other origins (the desktop app's file://
 * page, a local web UI pointed at the server) when the call carries a
 * personal token in its Authorization header: a header no page can add
 * without knowing the token, unlike a cookie. There are no cookies, so
 * credentials are never allowed, and the origin is echoed rather than `*`
 * so caches keep answers per origin.
 */
export function allowOrigin(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}

/** The browser's question before a cross-origin call with an Authorization header; the call itself is checked. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  };
  // Chromium asks before a public page reaches a private address (Private Network Access).
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  res.writeHead(204, headers);
  res.end();
}
