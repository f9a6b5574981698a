import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/send-json';
import { SandboxError } from './platform';

/** The type the platforms send, without a charset. */
const PLATFORM_JSON = { 'Content-Type': 'application/json' };

/** A JSON answer as the platforms give it. */
export function sendPlatformJson(res: ServerResponse, status: number, value: unknown): void {
  sendJson(res, status, value, PLATFORM_JSON);
}

export const ok = (res: ServerResponse, result: unknown, description?: string): void =>
  sendPlatformJson(res, 200, { ok: true, result, ...(description ? { description } : {}) });

/** An error in the platforms' shape: `{ok: false, error_code, description, parameters?}`. */
export const platformError = (status: number, description: string, retryAfter?: number) => ({
  ok: false,
  error_code: status,
  description,
  ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
});

export function fail(res: ServerResponse, error: unknown): void {
  const e = error instanceof SandboxError ? error : new SandboxError(500, 'Internal Server Error');
  sendPlatformJson(res, e.status, platformError(e.status, e.description, e.retryAfter));
}
