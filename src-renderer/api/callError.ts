import { ContractError, type ErrorCode, type ErrorDetails } from '@contract/errors';
import { errorMessage } from './errorMessage';

/**
 * A failed call as a store keeps it: the message to show, and for platform
 * failures the details the advice is matched on. Plain data, so it can sit in
 * a store and be compared in tests.
 */
export interface CallError {
  code: ErrorCode | null;
  message: string;
  details: ErrorDetails | null;
}

export function toCallError(error: unknown): CallError {
  return {
    code: error instanceof ContractError ? error.code : null,
    message: errorMessage(error),
    details: error instanceof ContractError ? (error.details ?? null) : null,
  };
}
