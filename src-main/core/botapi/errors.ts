/** How a bot API call failed; the UI words its advice by kind. */
export type BotApiErrorKind =
  /** Refused before any request: the input cannot work (e.g. a non-HTTPS webhook URL). */
  | 'refused'
  /** The platform answered non-2xx or `ok: false`. */
  | 'api'
  | 'timeout'
  /** No answer: DNS, refused connection, reset. */
  | 'network'
  /** A 2xx answer that is not the JSON the API documents. */
  | 'invalid-response';

export interface BotApiErrorInit {
  kind: BotApiErrorKind;
  method: string;
  /** What was tried, with secrets already removed: `POST https://host/bot***\/setWebhook`. */
  target: string;
  description: string;
  status?: number | null;
  retryAfter?: number | null;
}

/** Every failure of the client. Never carries a token: targets and descriptions are redacted. */
export class BotApiError extends Error {
  readonly kind: BotApiErrorKind;
  readonly method: string;
  readonly target: string;
  readonly status: number | null;
  readonly description: string;
  /** Seconds to wait, from a 429's `parameters.retry_after` (or Retry-After). */
  readonly retryAfter: number | null;

  constructor(init: BotApiErrorInit) {
    const status = init.status ?? null;
    super(
      `${init.method} failed${status === null ? '' : ` (HTTP ${status})`}: ${init.description}` +
        `${init.retryAfter != null ? ` (retry after ${init.retryAfter} s)` : ''} [${init.target}]`,
    );
    this.name = 'BotApiError';
    this.kind = init.kind;
    this.method = init.method;
    this.target = init.target;
    this.status = status;
    this.description = init.description;
    this.retryAfter = init.retryAfter ?? null;
  }
}
