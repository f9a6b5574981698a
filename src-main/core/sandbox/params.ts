import type { IncomingMessage } from 'node:http';

const MAX_BODY = 1024 * 1024;

export class ParamsError extends Error {}

/**
 * A Bot API call's parameters, from the query string and a JSON or
 * urlencoded body, as Telegram accepts them.
 */
export async function readParams(
  req: IncomingMessage,
  query: URLSearchParams,
): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(query);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new ParamsError('Request Entity Too Large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return params;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type.includes('multipart/form-data')) {
    throw new ParamsError(
      'Bad Request: the sandbox accepts JSON or urlencoded parameters, not multipart uploads',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ParamsError("Bad Request: can't parse JSON object");
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ParamsError('Bad Request: parameters must be a JSON object');
  }
  return { ...params, ...(body as Record<string, unknown>) };
}

/** Form values arrive as strings: read numbers, booleans and JSON arrays either way. */
export const param = {
  int(value: unknown): number | null {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
    return null;
  },
  bool(value: unknown): boolean {
    return value === true || value === 'true' || value === '1' || value === 1;
  },
  str(value: unknown): string | null {
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  },
  strings(value: unknown): string[] | null {
    let v = value;
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch {
        return null;
      }
    }
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  },
};
