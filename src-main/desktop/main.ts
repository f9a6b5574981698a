import { IPC_EVENT_CHANNEL } from '@contract';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { type Core, guardProcess, startCore } from '../core';
import { bindContractToIpc } from './ipc-adapter';
import { restrictPermissions } from './permissions';
import { safeStorageBox } from './safe-storage-box';
import { appPageUrl, createMainWindow } from './window';

let core: Core | undefined;

guardProcess((message) => console.error(message));

async function start(): Promise<void> {
  // Before any page loads: the window uses the default session.
  restrictPermissions(session.defaultSession, appPageUrl);
  core = await startCore({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    // Built for Electron's ABI by `npm start`; plain Node uses the default binary.
    nativeBinding: process.env.BWI_NATIVE_BINDING,
    secretBox: safeStorageBox(),
  });
  bindContractToIpc(ipcMain, core.service, appPageUrl);
  openWindow(core);
}

function openWindow(running: Core): void {
  const win = createMainWindow();
  const unsubscribe = running.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
  win.on('closed', unsubscribe);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(start, (error: unknown) => {
  console.error(error);
  app.exit(1);
});

app.on('window-all-closed', () => {
  void (core?.stop() ?? Promise.resolve()).finally(() => app.quit());
});

app.on('activate', () => {
  if (core && BrowserWindow.getAllWindows().length === 0) openWindow(core);
});
