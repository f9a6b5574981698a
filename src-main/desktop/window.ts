import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import { isSafeExternalUrl } from './trusted-sender';

export const appPageUrl = (): string =>
  pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

export interface MainWindowOptions {
  /** Remembered bounds (or a default size) from window-bounds.ts. */
  bounds?: { x?: number; y?: number; width: number; height: number };
  /** Our receiver's origin (http://127.0.0.1:<port>): links to it may open in the browser. */
  receiverOrigin?: () => string | null;
}

/** The one window: isolated, sandboxed, unable to navigate or open others. */
export function createMainWindow(options: MainWindowOptions = {}): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.bounds ?? { width: 1280, height: 800 }),
    title: 'Bot Webhook Inspector',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // The page never navigates: links leave through the window-open handler.
  // will-navigate sees only the main frame; will-frame-navigate also sees
  // subframes, so an injected iframe cannot be steered elsewhere either.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-frame-navigate', (event) => event.preventDefault());
  // Every new window is refused, however it was asked for (window.open, a
  // target=_blank link, a middle or modified click).
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url, options.receiverOrigin?.() ?? null)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadURL(appPageUrl());
  return win;
}
