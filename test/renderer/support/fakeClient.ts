import {
  ContractError,
  type ErrorCode,
  type EventName,
  type EventPayload,
  type Input,
  type MethodName,
  type Output,
} from '@contract';
import type { ApiClient, DesktopShell, FileTransfer } from '../../../src-renderer/api';

export type Handlers = {
  [M in MethodName]?: (input: Input<M>) => Output<M> | Promise<Output<M>>;
};

/** One entry per `on`, `onReconnect` and `call`, in order: lets a test check what came first. */
export type LogEntry = { kind: 'on'; name: string } | { kind: 'call'; method: MethodName; input: unknown };

export interface FakeClientOptions {
  /** The web bridge's file routes (see `fakeFileRoutes`) or the desktop's dialogs; left out: none. */
  files?: FileTransfer | null;
  /** The desktop shell (see `fakeDesktop`); left out: a browser. */
  desktop?: DesktopShell | null;
}

/** An ApiClient whose calls are answered by `handlers` and whose events a test pushes by hand. */
/**
 * webhook.check as core answers it, from a test's webhook.info handler: the
 * info, or the failure that core turns into an answer instead of an error.
 */
function checkFromInfo(info: NonNullable<Handlers['webhook.info']>): NonNullable<Handlers['webhook.check']> {
  return async (input) => {
    try {
      return { ok: true, info: await info(input) };
    } catch (error) {
      if (
        error instanceof ContractError &&
        (error.code === 'upstream' || error.code === 'bad-input' || error.code === 'unavailable')
      ) {
        return {
          ok: false,
          error: {
            code: error.code,
            message: error.message,
            ...(error.details ? { details: error.details } : {}),
          },
        };
      }
      throw error;
    }
  };
}

export function createFakeClient(given: Handlers = {}, options: FakeClientOptions = {}) {
  const handlers: Handlers =
    given['webhook.info'] !== undefined && given['webhook.check'] === undefined
      ? { ...given, 'webhook.check': checkFromInfo(given['webhook.info']) }
      : given;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  const log: LogEntry[] = [];

  const client: ApiClient = {
    async call(method, input) {
      log.push({ kind: 'call', method, input });
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
      if (handler === undefined) throw new ContractError('unknown-method', `No fake for ${method}`);
      return (await handler(input)) as never;
    },
    on(name, callback) {
      log.push({ kind: 'on', name });
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      const listener = callback as (payload: unknown) => void;
      set.add(listener);
      return () => set.delete(listener);
    },
    onReconnect(callback) {
      log.push({ kind: 'on', name: 'reconnect' });
      reconnectListeners.add(callback);
      return () => reconnectListeners.delete(callback);
    },
    onStatus(callback) {
      callback('live');
      return () => {};
    },
    onUnauthorized() {
      return () => {};
    },
    files: options.files ?? null,
    desktop: options.desktop ?? null,
  };

  return {
    client,
    handlers,
    log,
    calls: (method: MethodName) =>
      log.filter((entry) => entry.kind === 'call' && entry.method === method) as Array<{ input: unknown }>,
    emit<E extends EventName>(name: E, payload: EventPayload<E>) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    reconnect() {
      for (const listener of reconnectListeners) listener();
    },
  };
}

/** A handler that refuses the way core does: with a ContractError the UI shows by its message. */
export function refuse(code: ErrorCode, message: string): () => never {
  return () => {
    throw new ContractError(code, message);
  };
}

/** Frames that run only when the test says so. */
export function createManualFrames() {
  const queue: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => {
      queue.push(callback);
    },
    get pending() {
      return queue.length;
    },
    run() {
      for (const callback of queue.splice(0)) callback();
    },
  };
}

/** Lets pending promise callbacks (fake calls answered at once) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
