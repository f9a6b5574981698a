import type { EventName, EventPayload, Input, MethodName, Output } from '@contract';
import { describeError } from '@contract/describe-error';
import { ContractError } from '@contract/errors';
import type { DesktopShell } from './desktopShell';
import type { FileTransfer } from './fileRoutes';
import type { ConnectionStatus, Transport } from './transport';

export interface ApiClient {
  /** Rejects with a ContractError, whatever the transport. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(name: E, callback: (payload: EventPayload<E>) => void): () => void;
  /**
   * Fires each time the event stream (re)opens after a time in which events
   * could have been missed, so stores can re-read what they hold. That
   * includes the first open of the web bridge: it can land after a store has
   * read its first page, and anything committed in between was pushed to no one.
   */
  onReconnect(callback: () => void): () => void;
  /** Called with the current status at once, then on every change. */
  onStatus(callback: (status: ConnectionStatus) => void): () => void;
  /** Fires once when any call is refused for a missing or wrong token. */
  onUnauthorized(callback: () => void): () => void;
  /**
   * Downloading exports and uploading imports (web), or saving and opening
   * them through native dialogs (desktop); null where a transport has
   * neither, and the UI then says so instead of offering buttons that cannot work.
   */
  readonly files: FileTransfer | null;
  /** The desktop shell's settings and menu commands; null in a browser. */
  readonly desktop: DesktopShell | null;
}

/** What a data store needs; tests pass a fake of just this. */
export type DataClient = Pick<ApiClient, 'call' | 'on' | 'onReconnect'>;

type AnyListener = (payload: unknown) => void;

export function createClient(transport: Transport): ApiClient {
  const listeners = new Map<EventName, Set<AnyListener>>();
  const reconnectListeners = new Set<() => void>();
  const unauthorizedListeners = new Set<() => void>();
  let unauthorized = false;
  // The event stream is opened by the first `on` and stays open for the client's life.
  let subscribed = false;

  const dispatch = (name: EventName, payload: unknown) => {
    for (const listener of listeners.get(name) ?? []) {
      // One failing listener must not starve the others of the event.
      try {
        listener(payload);
      } catch (error) {
        console.error(`A listener for ${name} failed`, error);
      }
    }
  };

  let wasLive = false;
  transport.onStatus((status) => {
    const opened = status === 'live' && !wasLive;
    wasLive = status === 'live';
    if (!opened) return;
    for (const listener of reconnectListeners) listener();
  });

  const refused = () => {
    if (unauthorized) return;
    unauthorized = true;
    transport.close();
    for (const listener of unauthorizedListeners) listener();
  };
  // A revoked token is told over the event stream at once; the next call would be refused anyway.
  transport.onRevoked?.(refused);

  return {
    async call(method, input) {
      try {
        return (await transport.invoke(method, input)) as Output<typeof method>;
      } catch (error) {
        const contractError =
          error instanceof ContractError ? error : new ContractError('internal', describeError(error));
        if (contractError.code === 'unauthorized') refused();
        throw contractError;
      }
    },

    on(name, callback) {
      let set = listeners.get(name);
      if (set === undefined) {
        set = new Set();
        listeners.set(name, set);
      }
      const listener = callback as AnyListener;
      set.add(listener);
      if (!subscribed) {
        transport.subscribe(dispatch);
        subscribed = true;
      }
      return () => {
        set.delete(listener);
      };
    },

    onReconnect(callback) {
      reconnectListeners.add(callback);
      return () => {
        reconnectListeners.delete(callback);
      };
    },

    onStatus: (callback) => transport.onStatus(callback),

    files: transport.files ?? null,
    desktop: transport.desktop ?? null,

    onUnauthorized(callback) {
      unauthorizedListeners.add(callback);
      if (unauthorized) callback();
      return () => {
        unauthorizedListeners.delete(callback);
      };
    },
  };
}
