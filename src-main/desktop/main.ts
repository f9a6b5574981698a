import { join } from 'node:path';
import { IPC_EVENT_CHANNEL, MENU_COMMAND_CHANNEL, type MenuCommand } from '@contract';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session, shell } from 'electron';
import { type Core, guardProcess, startCore } from '../core';
import { createDeliveryNotifier } from './delivery-notifier';
import { createFileDialogs } from './file-dialogs';
import { bindContractToIpc, bindDesktopToIpc } from './ipc-adapter';
import { type LaunchOptions, launchOptions } from './launch-options';
import { menuTemplate } from './menu';
import { describeStartFailure, resolveNativeBinding } from './native-binding';
import { restrictPermissions } from './permissions';
import { createPreferences, type PreferencesStore } from './preferences';
import { safeStorageBox } from './safe-storage-box';
import { claimSingleInstance } from './single-instance';
import { createUnseenBadge } from './unseen-badge';
import { appPageUrl, createMainWindow } from './window';
import { initialBounds, loadWindowState, rememberBounds } from './window-bounds';

let core: Core | undefined;
let preferences: PreferencesStore | undefined;
let mainWindow: BrowserWindow | null = null;

guardProcess((message) => console.error(message));

const log = (message: string) => console.error(message);

function focusWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const sendMenuCommand = (command: MenuCommand) => {
  if (mainWindow !== null && !mainWindow.isDestroyed())
    mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
};

async function start(): Promise<void> {
  // Before any page loads: the window uses the default session.
  restrictPermissions(session.defaultSession, appPageUrl);
  const { receiverPort, sandboxPort } = launch;
  const dataDir = app.getPath('userData');
  core = await startCore({
    dataDir,
    ...(receiverPort === undefined ? {} : { receiverPort }),
    ...(sandboxPort === undefined ? {} : { sandboxPort }),
    version: app.getVersion(),
    // Electron's own build of better-sqlite3; plain Node (tests, web mode) uses node_modules' build.
    nativeBinding: resolveNativeBinding({
      override: process.env.BWI_NATIVE_BINDING,
      mainDir: import.meta.dirname,
      electronVersion: process.versions.electron ?? '',
      platform: process.platform,
      arch: process.arch,
    }),
    secretBox: safeStorageBox(),
  });
  const running = core;
  preferences = createPreferences(dataDir);
  bindContractToIpc(ipcMain, running.service, appPageUrl);
  const parent = () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : undefined);
  const files = createFileDialogs({
    dialogs: {
      showSaveDialog: (options) => {
        const win = parent();
        return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
      },
      showOpenDialog: (options) => {
        const win = parent();
        return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
      },
    },
    transferDir: running.transferDir,
    uploadRoom: running.uploadRoom,
    downloadsDir: app.getPath('downloads'),
  });
  bindDesktopToIpc(ipcMain, { ...files, ...preferences }, appPageUrl);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: app.getName(),
        platform: process.platform,
        development: !app.isPackaged,
        send: sendMenuCommand,
        openReadme: () => void shell.openPath(readmePath()),
      }),
    ),
  );
  openWindow(running, dataDir);
}

/** The README beside the app: in the repository while developing, unpacked from the asar once packaged. */
const readmePath = () => join(app.getAppPath().replace(/app\.asar$/, 'app.asar.unpacked'), 'README.md');

function openWindow(running: Core, dataDir: string): void {
  const { bounds, maximized } = initialBounds(
    loadWindowState(dataDir),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const receiverOrigin = `http://127.0.0.1:${running.receiverPort}`;
  const win = createMainWindow({ bounds, receiverOrigin: () => receiverOrigin });
  mainWindow = win;
  if (maximized) win.maximize();
  rememberBounds(win, dataDir, log);

  const focused = () => !win.isDestroyed() && win.isFocused();
  const notifier = createDeliveryNotifier({
    enabled: () => preferences?.current().notifyNewDeliveries ?? false,
    focused,
    show: (title, body) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', focusWindow);
      notification.show();
    },
    now: Date.now,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  const badge = createUnseenBadge({
    focused,
    // Windows' taskbar has no count badge: its button flashes instead, until the window is focused.
    setCount: (count) => {
      if (process.platform === 'win32') win.flashFrame(count > 0);
      else app.setBadgeCount(count);
    },
  });
  const unsubscribe = running.subscribe((name, payload) => {
    if (win.isDestroyed()) return;
    win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    if (name === 'delivery.added') {
      const { items } = payload as { items: { inbox: string }[] };
      notifier.added(items);
      badge.added(items.length);
    }
  });
  win.on('focus', () => {
    notifier.seen();
    badge.seen();
  });
  win.on('closed', () => {
    unsubscribe();
    notifier.dispose();
    if (mainWindow === win) mainWindow = null;
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

let launch: LaunchOptions = {};
try {
  launch = launchOptions(process.env);
  // Before the lock: one app per data dir, so another data dir is another instance.
  if (launch.dataDir !== undefined) app.setPath('userData', launch.dataDir);
} catch (error) {
  console.error((error as Error).message);
  app.exit(1);
}

// A second launch hands over to the first (which comes forward) and quits before starting anything.
if (claimSingleInstance(app, focusWindow)) {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(describeStartFailure(error));
      app.exit(1);
    });
}

app.on('window-all-closed', () => {
  void (core?.stop() ?? Promise.resolve()).finally(() => app.quit());
});

app.on('activate', () => {
  if (core && BrowserWindow.getAllWindows().length === 0) openWindow(core, app.getPath('userData'));
});
