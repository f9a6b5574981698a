import { describeError } from '@contract/describe-error';

/**
 * The text to show for a failed call: a ContractError's message is written
 * for people, and any other error says what it is in the same words as the logs.
 */
export const errorMessage = (error: unknown): string => describeError(error);
