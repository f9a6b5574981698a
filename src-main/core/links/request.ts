import type { LinkHit } from './handle-link';

/**
 * How deep a JSON body may nest. Parsing is iterative, but handing the value
 * on (to the worker, into QuickJS, back out as JSON) recurses: a body of 100k
 * nested arrays overflowed the stack there. Real requests are far shallower.
 */
export const MAX_BODY_DEPTH = 1000;

export type CommandRequest = { ok: true; request: Record<string, unknown> } | { ok: false; reason: string };

/** `request` as a command sees it: method, decoded query, headers, parsed body, ip. */
export function requestForCommand(hit: LinkHit): CommandRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of hit.headers) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(hit.rawQuery)) query[key] = value;
  const body = parseBody(hit.body, headers['content-type'] ?? '');
  if (!body.ok) return body;
  return {
    ok: true,
    request: { method: hit.method, query, headers, body: body.value, ip: hit.remoteAddress },
  };
}

function parseBody(
  body: Buffer,
  contentType: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (body.length === 0) return { ok: true, value: null };
  const text = body.toString('utf8');
  if (contentType.includes('application/json')) {
    if (nestingDepth(text) > MAX_BODY_DEPTH) {
      return {
        ok: false,
        reason: `The request body nests deeper than ${MAX_BODY_DEPTH} levels; the command did not run.`,
      };
    }
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: true, value: text };
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded'))
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  return { ok: true, value: text };
}

/** The deepest nesting of [ and { outside strings: one pass, no parse. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
