import { type ApiClient, createClient } from './client';
import { createDesktopShell } from './desktopShell';
import { createIpcTransport } from './ipcTransport';
import { browserEnv, createWebTransport } from './webTransport';

export type { ApiClient, DataClient } from './client';
export type { DesktopShell } from './desktopShell';
export type { FileRoutes, FileTransfer, NativeFiles, Upload } from './fileRoutes';
export type { ConnectionStatus } from './transport';

let instance: ApiClient | undefined;

/**
 * The one client of the app. The transport is picked on first use (at start):
 * the Electron preload's bridge when it is there, else the web bridge.
 */
export function getApi(): ApiClient {
  instance ??= createClient(
    window.inspector === undefined ? createWebTransport() : createIpcTransport(window.inspector),
  );
  return instance;
}

/** A client of one opened team server, and how to let it go (its event stream closes). */
export interface ServerConnection {
  client: ApiClient;
  close(): void;
}

/**
 * A client of a team server at `url` with a person's token, over the same
 * web transport the browser UI uses for its own inspector.
 */
export function connectToServer(url: string, token: string): ServerConnection {
  const transport = createWebTransport(browserEnv(), { origin: new URL(url).origin, token });
  // In the desktop app the shell's menu and settings stay the app's, whichever server is open.
  const desktop = window.inspector === undefined ? undefined : createDesktopShell(window.inspector.desktop);
  return {
    client: createClient(desktop === undefined ? transport : { ...transport, desktop }),
    close: () => transport.close(),
  };
}
