import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL, MENU_COMMAND_CHANNEL } from '@contract';
import type { MenuItemConstructorOptions, Session } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFERENCES_FILE } from '../../src-main/desktop/preferences';
import { WINDOW_STATE_FILE } from '../../src-main/desktop/window-bounds';
import { fakeService } from '../support/fake-service';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { waitFor } from '../support/wait';
import type { FakeBrowserWindow } from './support/fake-electron';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type Listener = (...args: unknown[]) => void;

// The shell's entry point, started as Electron would, with Electron and core
// replaced at their boundaries: this shows what it wires up, and in what
// order. Each test loads main afresh (vi.resetModules) against this state.
const electron = vi.hoisted(() => {
  const state = {
    order: [] as string[],
    dataDir: '/tmp/never-used',
    lock: true,
    packaged: false,
    appListeners: new Map<string, Listener[]>(),
    windows: [] as unknown[],
    menu: null as unknown,
    notifications: [] as { title: string; body: string; listeners: Map<string, Listener> }[],
    coreListener: null as null | ((name: string, payload: unknown) => void),
    startCore: 0,
  };
  const app = {
    whenReady: () => Promise.resolve(),
    on: (name: string, listener: Listener) => {
      state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener]);
    },
    requestSingleInstanceLock: () => state.lock,
    getPath: (name: string) => (name === 'downloads' ? '/tmp/downloads' : state.dataDir),
    getVersion: () => '0.0.0-test',
    getName: () => 'Bot Webhook Inspector',
    getAppPath: () => '/app',
    get isPackaged() {
      return state.packaged;
    },
    exit: () => {},
    quit: () => {},
    setBadgeCount: (_count: number) => true,
  };
  return {
    state,
    app,
    ipcMain: { handle: () => {}, removeHandler: () => {} },
    safeStorage: { isEncryptionAvailable: () => false },
    shell: { openExternal: async (_url: string) => {}, openPath: async (_path: string) => '' },
    dialog: {
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true }),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (_handler: RequestHandler) => {
          state.order.push('permission request handler');
        },
        setPermissionCheckHandler: () => {
          state.order.push('permission check handler');
        },
        setDevicePermissionHandler: () => {
          state.order.push('device permission handler');
        },
      },
    },
  };
});

vi.mock('electron', async () => {
  const fake = await import('./support/fake-electron');
  class BrowserWindow extends fake.FakeBrowserWindow {
    constructor(options: ConstructorParameters<typeof fake.FakeBrowserWindow>[0]) {
      super(options);
      electron.state.order.push('window');
      electron.state.windows.push(this);
    }
  }
  class Notification {
    static isSupported = () => true;
    readonly listeners = new Map<string, Listener>();
    constructor(readonly options: { title: string; body: string }) {}
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    show() {
      electron.state.notifications.push({ ...this.options, listeners: this.listeners });
    }
  }
  return { ...electron, BrowserWindow, Notification };
});

vi.mock('../../src-main/core', () => ({
  guardProcess: () => electron.state.order.push('process guard'),
  startCore: async () => {
    electron.state.startCore += 1;
    return {
      service: fakeService(),
      receiverPort: 8787,
      transferDir: (kind: string) => join(electron.state.dataDir, kind),
      uploadRoom: () => 1024,
      subscribe: (listener: (name: string, payload: unknown) => void) => {
        electron.state.coreListener = listener;
        return () => {};
      },
      stop: async () => {},
    };
  },
}));

const dirs: string[] = [];
const tempDir = (prefix?: string) => {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** Loads main.ts afresh, as a new app launch, and waits for its window. */
async function launch(): Promise<FakeBrowserWindow> {
  vi.resetModules();
  await import('../../src-main/desktop/main');
  return waitFor(() => electron.state.windows[0] as FakeBrowserWindow | undefined, { what: 'the window' });
}

const delivered = (...inboxes: string[]) =>
  electron.state.coreListener?.('delivery.added', { items: inboxes.map((inbox) => ({ inbox })) });

beforeEach(() => {
  const { state } = electron;
  state.order.length = 0;
  state.windows.length = 0;
  state.notifications.length = 0;
  state.appListeners.clear();
  state.lock = true;
  state.packaged = false;
  state.menu = null;
  state.coreListener = null;
  state.startCore = 0;
  state.dataDir = tempDir('bwi-desktop-main-');
});

describe('desktop main', () => {
  it('restricts the session’s permissions before the window opens', async () => {
    const spy = vi.spyOn(electron.session.defaultSession, 'setPermissionRequestHandler');
    await launch();
    expect(electron.state.order).toEqual([
      // First of all: a failed background job must not end the app.
      'process guard',
      'permission request handler',
      'permission check handler',
      'device permission handler',
      'window',
    ]);
    // The handler set is the policy, not a stand-in: the camera is refused.
    const ask = spy.mock.calls[0]?.[0];
    const callback = vi.fn();
    ask?.({} as Electron.WebContents, 'media', callback, { requestingUrl: 'file:///', isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('application menu', () => {
  const menu = () => electron.state.menu as MenuItemConstructorOptions[];
  const submenu = (label: string) =>
    (menu().find((entry) => entry.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];

  it('has the standard Edit and Window roles, View with reload and zoom, and Help opening the README', async () => {
    await launch();
    const roles = menu().map((entry) => entry.role);
    expect(roles).toContain('editMenu');
    expect(roles).toContain('windowMenu');
    const view = submenu('View').map((entry) => entry.role);
    expect(view).toEqual(
      expect.arrayContaining(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'toggleDevTools']),
    );
    const help = menu().find((entry) => entry.role === 'help');
    const readme = ((help?.submenu ?? []) as MenuItemConstructorOptions[])[0];
    const openPath = vi.spyOn(electron.shell, 'openPath');
    readme?.click?.({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
    expect(openPath).toHaveBeenCalledWith(join('/app', 'README.md'));
  });

  it('leaves the developer tools out of a packaged app', async () => {
    electron.state.packaged = true;
    await launch();
    expect(submenu('View').map((entry) => entry.role)).not.toContain('toggleDevTools');
  });

  it('sends a menu command to the page when its item is clicked', async () => {
    const win = await launch();
    const exportItem = submenu('File').find((entry) => entry.accelerator === 'CmdOrCtrl+E');
    exportItem?.click?.({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
    expect(win.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, 'open-export');
  });
});

describe('single instance', () => {
  it('a second launch brings the first window forward', async () => {
    const win = await launch();
    for (const listener of electron.state.appListeners.get('second-instance') ?? []) listener();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('the second launch itself quits without starting the engine', async () => {
    electron.state.lock = false;
    const quit = vi.spyOn(electron.app, 'quit');
    vi.resetModules();
    await import('../../src-main/desktop/main');
    expect(quit).toHaveBeenCalled();
    await Promise.resolve();
    expect(electron.state.startCore).toBe(0);
    expect(electron.state.windows).toHaveLength(0);
  });
});

describe('window bounds', () => {
  it('opens where it was closed last time, and remembers where it is closed', async () => {
    writeFileSync(
      join(electron.state.dataDir, WINDOW_STATE_FILE),
      JSON.stringify({ bounds: { x: 100, y: 50, width: 1000, height: 640 }, maximized: false }),
    );
    const win = await launch();
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 640 });
    win.emitWindow('close');
    expect(JSON.parse(readFileSync(join(electron.state.dataDir, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      maximized: false,
    });
  });
});

describe('new deliveries while the window is unfocused', () => {
  it('count on the badge, forwarded to the page, and cleared when the window is focused', async () => {
    const setBadgeCount = vi.spyOn(electron.app, 'setBadgeCount');
    const win = await launch();
    await waitFor(() => electron.state.coreListener !== null);
    delivered('shop', 'shop');
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'delivery.added', expect.anything());
    delivered('default');
    expect(setBadgeCount).toHaveBeenLastCalledWith(3);
    win.focused = true;
    win.emitWindow('focus');
    expect(setBadgeCount).toHaveBeenLastCalledWith(0);
    delivered('shop');
    expect(setBadgeCount).toHaveBeenCalledTimes(3);
  });

  it('show no notification by default', async () => {
    await launch();
    await waitFor(() => electron.state.coreListener !== null);
    delivered('shop');
    expect(electron.state.notifications).toEqual([]);
  });

  it('show a notification once the setting is on, which focuses the window when clicked', async () => {
    writeFileSync(
      join(electron.state.dataDir, PREFERENCES_FILE),
      JSON.stringify({ notifyNewDeliveries: true }),
    );
    const win = await launch();
    await waitFor(() => electron.state.coreListener !== null);
    delivered('shop');
    expect(electron.state.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'New delivery', body: 'Inbox shop' },
    ]);
    electron.state.notifications[0]?.listeners.get('click')?.();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('Open on a signed link', () => {
  it('hands links to our own receiver to the system browser, and no other plain-http link', async () => {
    const openExternal = vi.spyOn(electron.shell, 'openExternal');
    const win = await launch();
    const handler = win.webContents.windowOpenHandler;
    if (!handler) throw new Error('no window-open handler');
    const link = 'http://127.0.0.1:8787/ownlang/webhook/1?command=hello&sig=k1.abc&user=42';
    expect(handler({ url: link })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith(link);
    for (const url of [
      'http://127.0.0.1:8788/',
      'http://localhost:8787/',
      'http://127.0.0.1:8787.evil.example/',
    ]) {
      handler({ url });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
