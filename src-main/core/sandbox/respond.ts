import type { ServerResponse } from 'node:http';
import { SandboxError } from './platform';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export const ok = (res: ServerResponse, result: unknown, description?: string): void =>
  sendJson(res, 200, { ok: true, result, ...(description ? { description } : {}) });

/** Errors in the platforms' shape: `{ok: false, error_code, description, parameters?}`. */
export function fail(res: ServerResponse, error: unknown): void {
  const e = error instanceof SandboxError ? error : new SandboxError(500, 'Internal Server Error');
  sendJson(res, e.status, {
    ok: false,
    error_code: e.status,
    description: e.description,
    ...(e.retryAfter === undefined ? {} : { parameters: { retry_after: e.retryAfter } }),
  });
}
