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

/** `context`, when given, leads the message ("Could not cancel: …"), as the store says what failed. */
export function toCallError(error: unknown, context?: string): CallError {
  const message = errorMessage(error);
  return {
    code: error instanceof ContractError ? error.code : null,
    message: context === undefined ? message : `${context}: ${message}`,
    details: error instanceof ContractError ? (error.details ?? null) : null,
  };
}

/**
 * A problem the renderer found itself before any call (an empty or malformed
 * field), kept in the same shape so a store has one kind of error.
 */
export function localError(message: string): CallError {
  return { code: null, message, details: null };
}
