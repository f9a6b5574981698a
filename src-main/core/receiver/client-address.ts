import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Who sent a request. Behind a trusted reverse proxy that is the last hop of
 * X-Forwarded-For: the address the proxy itself saw and appended (the hops
 * before it are whatever the client claimed, so they are never taken).
 * Otherwise, and when the header is missing or its last hop is not an IP
 * address, the peer of the socket.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | null {
  const peer = req.socket.remoteAddress ?? null;
  if (!trustProxy) return peer;
  // Node joins repeated X-Forwarded-For headers with ", ": the last hop is last either way.
  const header = req.headers['x-forwarded-for'];
  if (typeof header !== 'string') return peer;
  const lastHop = (header.split(',').pop() ?? '').trim().replace(/^\[(.*)\]$/, '$1');
  return isIP(lastHop) === 0 ? peer : lastHop;
}
