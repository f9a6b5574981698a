import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appPageUrl, createMainWindow } from '../../src-main/desktop/window';
import type { FakeBrowserWindow } from './support/fake-electron';

const openExternal = vi.hoisted(() => vi.fn(async (_url: string) => {}));

vi.mock('electron', async () => {
  const fake = await import('./support/fake-electron');
  return { BrowserWindow: fake.FakeBrowserWindow, shell: { openExternal } };
});

const open = () => createMainWindow() as unknown as FakeBrowserWindow;

describe('createMainWindow', () => {
  beforeEach(() => {
    openExternal.mockClear();
  });

  it('isolates and sandboxes the page and loads the app page', () => {
    const win = open();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.loadURL).toHaveBeenCalledWith(appPageUrl());
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', appPageUrl()])(
    'refuses main-frame navigation to %s',
    (url) => {
      expect(open().webContents.emit('will-navigate', { url, isMainFrame: true })).toBe(true);
    },
  );

  it.each([
    ['a subframe', { url: 'https://evil.example/', isMainFrame: false }],
    ['the main frame', { url: 'https://evil.example/', isMainFrame: true }],
  ])('refuses navigation in %s (will-frame-navigate)', (_label, details) => {
    expect(open().webContents.emit('will-frame-navigate', details)).toBe(true);
  });

  it('denies every new window, and hands only https links to the system browser', () => {
    const { webContents } = open();
    const handler = webContents.windowOpenHandler;
    if (!handler) throw new Error('no window-open handler');
    expect(handler({ url: 'https://core.telegram.org/bots/api' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://core.telegram.org/bots/api');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://share/x']) {
      expect(handler({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
