import type { LinkHit } from './handle-link';

/** `request` as a command sees it: method, decoded query, headers, parsed body, ip. */
export function requestForCommand(hit: LinkHit): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of hit.headers) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(hit.rawQuery)) query[key] = value;
  return {
    method: hit.method,
    query,
    headers,
    body: parseBody(hit.body, headers['content-type'] ?? ''),
    ip: hit.remoteAddress,
  };
}

function parseBody(body: Buffer, contentType: string): unknown {
  if (body.length === 0) return null;
  const text = body.toString('utf8');
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return text;
}
