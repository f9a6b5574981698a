import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fakeService } from '../support/fake-service';
import { waitFor } from '../support/wait';
import { FakeBrowserWindow } from './support/fake-electron';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;

// The shell's entry point, started as Electron would, with Electron and core
// replaced at their boundaries: this shows what it wires up, and in what order.
const electron = vi.hoisted(() => {
  const order: string[] = [];
  return {
    order,
    app: {
      whenReady: () => Promise.resolve(),
      on: () => {},
      getPath: () => '/tmp/never-used',
      getVersion: () => '0.0.0-test',
      exit: () => {},
      quit: () => {},
    },
    ipcMain: { handle: () => {}, removeHandler: () => {} },
    safeStorage: { isEncryptionAvailable: () => false },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((_handler: RequestHandler) => {
          order.push('permission request handler');
        }),
        setPermissionCheckHandler: vi.fn(() => {
          order.push('permission check handler');
        }),
        setDevicePermissionHandler: vi.fn(() => {
          order.push('device permission handler');
        }),
      },
    },
  };
});

vi.mock('electron', async () => {
  const fake = await import('./support/fake-electron');
  class BrowserWindow extends fake.FakeBrowserWindow {
    constructor(options: ConstructorParameters<typeof fake.FakeBrowserWindow>[0]) {
      super(options);
      electron.order.push('window');
    }
  }
  return { ...electron, BrowserWindow, shell: { openExternal: async () => {} } };
});

vi.mock('../../src-main/core', () => ({
  guardProcess: () => electron.order.push('process guard'),
  startCore: async () => ({ service: fakeService(), subscribe: () => () => {}, stop: async () => {} }),
}));

describe('desktop main', () => {
  it('restricts the session’s permissions before the window opens', async () => {
    await import('../../src-main/desktop/main');
    await waitFor(() => FakeBrowserWindow.created.length === 1);
    expect(electron.order).toEqual([
      // First of all: a failed background job must not end the app.
      'process guard',
      'permission request handler',
      'permission check handler',
      'device permission handler',
      'window',
    ]);
    // The handler set is the policy, not a stand-in: the camera is refused.
    const ask = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0];
    const callback = vi.fn();
    ask?.({} as Electron.WebContents, 'media', callback, { requestingUrl: 'file:///', isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(false);
  });
});
