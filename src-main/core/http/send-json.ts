import type { ServerResponse } from 'node:http';

/**
 * Answers with a body already serialized (the receiver's answers are made
 * once): its length, JSON in UTF-8 unless `headers` name another type, and
 * whatever else `headers` add.
 */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: Record<string, string>,
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Answers with `value` as JSON (see sendJsonText). */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: Record<string, string>,
): void {
  sendJsonText(res, status, JSON.stringify(value), headers);
}
