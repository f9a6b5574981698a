import type { DesktopBridge } from './desktop';
import type { Envelope } from './errors';
import type { EventName, MethodName } from './names';

/**
 * The one object the desktop preload puts on `window.inspector`. It carries
 * contract calls and events only; it never exposes ipcRenderer.
 */
export interface InspectorBridge {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
  /** The shell's own calls (native file dialogs, its preferences) and menu commands. */
  desktop: DesktopBridge;
}

/** IPC channel names, derived from the contract's names. */
export const ipcChannel = (method: MethodName): string => `inspector:${method}`;
export const IPC_EVENT_CHANNEL = 'inspector:event';

/** Web bridge paths. */
export const WEB_API_PREFIX = '/api/';
export const WEB_EVENTS_PATH = '/events';
/** The close code of an event socket whose team-server token was revoked: do not reconnect. */
export const REVOKED_CLOSE_CODE = 4401;
