import type { ServerResponse } from 'node:http';
import { SandboxError } from './platform';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export const ok = (res: ServerResponse, result: unknown, description?: string): void =>
  sendJson(res, 200, { ok: true, result, ...(description ? { description } : {}) });

/** An error in the platforms' shape: `{ok: false, error_code, description, parameters?}`. */
export const platformError = (status: number, description: string, retryAfter?: number) => ({
  ok: false,
  error_code: status,
  description,
  ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
});

export function fail(res: ServerResponse, error: unknown): void {
  const e = error instanceof SandboxError ? error : new SandboxError(500, 'Internal Server Error');
  sendJson(res, e.status, platformError(e.status, e.description, e.retryAfter));
}
