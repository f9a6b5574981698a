import { describeError } from './describe-error';

interface ProcessLike {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * The inspector's process hosts the receiver, the UI bridge and the sandbox:
 * one background job that throws where nobody catches it must not take all
 * of them down (Node's default ends the process). Every job has its own
 * handler; this is the net below them, which logs what slipped through.
 */
export function guardProcess(log: (message: string) => void, target: ProcessLike = process): void {
  target.on('unhandledRejection', (reason) =>
    log(`unhandled rejection (kept running): ${describeError(reason, true)}`),
  );
  target.on('uncaughtException', (error) =>
    log(`uncaught exception (kept running): ${describeError(error, true)}`),
  );
}
