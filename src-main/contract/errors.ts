// One error type crosses every transport, so the renderer can show the same
// message whether it talks IPC or HTTP.
export const ERROR_STATUS = {
  'bad-input': 400,
  unauthorized: 401,
  'not-found': 404,
  'unknown-method': 404,
  conflict: 409,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: ErrorCode;
  message: string;
}

export class ContractError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
  }

  toBody(): ErrorBody {
    return { error: this.code, message: this.message };
  }

  static fromBody(body: unknown): ContractError {
    if (typeof body === 'object' && body !== null) {
      const { error, message } = body as Record<string, unknown>;
      if (typeof error === 'string' && Object.hasOwn(ERROR_STATUS, error) && typeof message === 'string') {
        return new ContractError(error as ErrorCode, message);
      }
    }
    return new ContractError('internal', 'The inspector sent an answer it could not read.');
  }
}

/** What a transport carries back for one call: never a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };
