import { unwrap } from './envelope';
import type { HttpPools } from './http';
import { type BotCredentials, DEFAULT_TIMEOUT_MS } from './platform';
import { redact } from './redact';

export interface ApiCall {
  method: string;
  httpMethod: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  /** Secrets this call sends besides the profile's (a webhook secret): hidden like them. */
  secrets?: ReadonlyArray<string | undefined>;
}

/** Makes a call and unwraps the platform's envelope, with every secret of the profile redacted. */
export function makeCaller(http: HttpPools, credentials: BotCredentials) {
  return async ({ secrets = [], ...call }: ApiCall): Promise<unknown> => {
    const hide = (text: string) => redact(text, [credentials.token, credentials.jwt, ...secrets]);
    const answer = await http.call({
      ...call,
      timeoutMs: credentials.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      redact: hide,
    });
    const url = new URL(call.url);
    return unwrap(answer, call.method, hide(`${call.httpMethod} ${url.origin}${url.pathname}`), hide);
  };
}

/** Joins a base URL and a path without doubling or losing a slash. */
export const joinUrl = (base: string, path: string): string =>
  `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
