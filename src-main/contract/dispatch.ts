import type { z } from 'zod';
import { describeError } from './describe-error';
import { isDesktopMethodName } from './desktop';
import { type DesktopService, desktopMethods } from './desktop-methods';
import { ContractError, type Envelope } from './errors';
import { methods, type Service } from './methods';
import { isMethodName, type MethodName } from './names';

/**
 * The one place a transport turns (method name, untrusted input) into a call
 * on the service: unknown names and invalid input never reach core.
 */
export function dispatch(service: Service, method: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  return dispatchTo(methods, isMethodName, service, method, rawInput);
}

/**
 * The same, for a caller that opens only part of the service (the `sign` and
 * `verify` commands, on the data dir without a running inspector): a method
 * that part lacks is unknown here.
 */
export function dispatchPart<M extends MethodName>(
  service: Pick<Service, M>,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  const isPartName = (name: unknown): name is M => isMethodName(name) && Object.hasOwn(service, name);
  return dispatchTo<M>(methods, isPartName, service, method, rawInput);
}

/** The desktop shell's own methods, held to the same rules. */
export function dispatchDesktop(
  service: DesktopService,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  return dispatchTo(desktopMethods, isDesktopMethodName, service, method, rawInput);
}

async function dispatchTo<Name extends string>(
  table: Record<Name, { input: z.ZodType }>,
  isName: (name: unknown) => name is Name,
  service: Record<Name, (input: never) => unknown>,
  method: unknown,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isName(method)) {
      throw new ContractError('unknown-method', `There is no method named ${JSON.stringify(method)}.`);
    }
    const parsed = table[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new ContractError('bad-input', describeIssues(parsed.error));
    }
    const handler = service[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: asContractError(error).toBody() };
  }
}

/** Any thrown value as the ContractError a caller gets: one that is not already one becomes `internal`. */
export function asContractError(error: unknown): ContractError {
  if (error instanceof ContractError) return error;
  // Unexpected failures keep their message for the log, not their stack.
  const message = describeError(error);
  return new ContractError('internal', `Internal error: ${message}`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
