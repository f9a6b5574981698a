import { ContractError, type Service } from '@contract';
import type { StoreHealth } from './health';

/**
 * Every contract method, with a failure to reach the store said as such: a
 * call made while a team database is away fails as `unavailable` (503) with
 * the reason, and marks the store unavailable for the UI's banner, instead
 * of an "internal error".
 */
export function withStoreErrors(
  service: Service,
  unreachable: (error: unknown) => string | null,
  health: StoreHealth,
): Service {
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(service) as Array<[string, (input: unknown) => unknown]>) {
    wrapped[name] = async (input) => {
      try {
        return await handler(input);
      } catch (error) {
        const reason = unreachable(error);
        if (reason === null) throw error;
        health.failed(reason);
        throw new ContractError(
          'unavailable',
          `The team database cannot be reached (${reason}); try again when it is back.`,
        );
      }
    };
  }
  return wrapped as unknown as Service;
}
