// One error type crosses every transport, so the renderer can show the same
// message whether it talks IPC or HTTP.
export const ERROR_STATUS = {
  'bad-input': 400,
  unauthorized: 401,
  /** On a team server: the person's role does not allow the call; the message names the role needed. */
  forbidden: 403,
  'not-found': 404,
  'unknown-method': 404,
  conflict: 409,
  /** The bot platform refused or failed; `details` says how. */
  upstream: 502,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** For `upstream`: what the platform said, so the UI can match advice to it. */
export interface ErrorDetails {
  kind?: 'refused' | 'api' | 'timeout' | 'network' | 'invalid-response';
  status?: number | null;
  description?: string;
  retryAfter?: number | null;
}

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return { error: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static fromBody(body: unknown): ContractError {
    if (typeof body === 'object' && body !== null) {
      const { error, message, details } = body as Record<string, unknown>;
      if (typeof error === 'string' && Object.hasOwn(ERROR_STATUS, error) && typeof message === 'string') {
        const known = typeof details === 'object' && details !== null ? (details as ErrorDetails) : undefined;
        return new ContractError(error as ErrorCode, message, known);
      }
    }
    return new ContractError('internal', 'The inspector sent an answer it could not read.');
  }
}

/** What a transport carries back for one call: never a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };
