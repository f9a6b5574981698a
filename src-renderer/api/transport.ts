import type { EventName, MethodName } from '@contract';
import type { DesktopShell } from './desktopShell';
import type { FileTransfer } from './fileRoutes';

/** `connecting` before the first open; `reconnecting` after a drop, until the next open. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * What the client needs from a way of talking to the inspector. Both the
 * Electron preload and the web bridge are adapted to this, so nothing above
 * the client knows which one is in use.
 */
export interface Transport {
  /** Resolves to the method's output; rejects with a ContractError. */
  invoke(method: MethodName, input: unknown): Promise<unknown>;
  /** Starts the event stream on first use. */
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
  /** Called with the current status at once, then on every change. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Stops the event stream for good (e.g. once the token is known to be wrong). */
  close(): void;
  /** Called when the server ends the session for good (a team server's token was revoked). */
  onRevoked?(listener: () => void): () => void;
  /** Export downloads and import uploads, or the desktop's dialogs for them. */
  files?: FileTransfer;
  /** The desktop shell's own settings and menu; absent in a browser. */
  desktop?: DesktopShell;
}
