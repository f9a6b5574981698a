import type { z } from 'zod';
import { ContractError, type Envelope } from './errors';
import { methods, type Service } from './methods';
import { isMethodName } from './names';

/**
 * The one place a transport turns (method name, untrusted input) into a call
 * on the service: unknown names and invalid input never reach core.
 */
export async function dispatch(
  service: Service,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isMethodName(method)) {
      throw new ContractError('unknown-method', `There is no method named ${JSON.stringify(method)}.`);
    }
    const parsed = methods[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new ContractError('bad-input', describeIssues(parsed.error));
    }
    const handler = service[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toContractError(error).toBody() };
  }
}

export function toContractError(error: unknown): ContractError {
  if (error instanceof ContractError) return error;
  // Unexpected failures keep their message for the log, not their stack.
  const message = error instanceof Error ? error.message : String(error);
  return new ContractError('internal', `Internal error: ${message}`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
