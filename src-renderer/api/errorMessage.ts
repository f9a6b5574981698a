import { ContractError } from '@contract/errors';

/** The text to show for a failed call: a ContractError's message is written for people. */
export function errorMessage(error: unknown): string {
  if (error instanceof ContractError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
