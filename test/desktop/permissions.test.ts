import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type PermissionSession, restrictPermissions } from '../../src-main/desktop/permissions';

const APP_PAGE = 'file:///app/out/renderer/index.html';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0];
type Permission = Parameters<NonNullable<CheckHandler>>[1];

/** Keeps the handlers the policy sets, and asks them as Electron would. */
class FakeSession implements PermissionSession {
  request: RequestHandler = null;
  check: CheckHandler = null;
  device: DeviceHandler = null;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.device = handler;
  }

  ask(permission: Permission, requestingUrl: string): boolean {
    if (!this.request) throw new Error('no permission request handler: Electron would grant');
    const callback = vi.fn();
    const details = { requestingUrl, isMainFrame: true };
    this.request({} as Electron.WebContents, permission, callback, details);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]?.[0] as boolean;
  }

  query(permission: Permission, requestingUrl: string | undefined): boolean {
    if (!this.check) throw new Error('no permission check handler: Electron would grant');
    const details = { isMainFrame: true, ...(requestingUrl === undefined ? {} : { requestingUrl }) };
    return this.check(null, permission, 'file:///', details);
  }
}

const restricted = () => {
  const session = new FakeSession();
  restrictPermissions(session, () => APP_PAGE);
  return session;
};

const EVERY_OTHER: Permission[] = [
  'media',
  'display-capture',
  'geolocation',
  'notifications',
  'openExternal',
  'clipboard-read',
  'fullscreen',
  'pointerLock',
  'midi',
  'midiSysex',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'idle-detection',
  'local-fonts',
  'window-management',
  'storage-access',
  'unknown',
];

describe('restrictPermissions', () => {
  it.each(EVERY_OTHER)('denies %s, asked or queried, even to the app page', (permission) => {
    const session = restricted();
    expect(session.ask(permission, APP_PAGE)).toBe(false);
    expect(session.query(permission, APP_PAGE)).toBe(false);
  });

  it('denies every device (HID, serial, USB)', () => {
    const session = restricted();
    expect(session.device?.({ deviceType: 'usb', origin: 'file://', device: {} } as never)).toBe(false);
  });

  it('lets the app page write to the clipboard (its Copy buttons), sanitized', () => {
    const session = restricted();
    expect(session.ask('clipboard-sanitized-write', APP_PAGE)).toBe(true);
    expect(session.query('clipboard-sanitized-write', `${APP_PAGE}#/deliveries/3`)).toBe(true);
  });

  it.each([
    ['another local file', 'file:///tmp/evil.html'],
    ['an https page', 'https://evil.example/'],
    ['the app path on another host', 'file://evil-share/app/out/renderer/index.html'],
    ['an empty URL', ''],
  ])('refuses the clipboard to %s', (_label, url) => {
    const session = restricted();
    expect(session.ask('clipboard-sanitized-write', url)).toBe(false);
    expect(session.query('clipboard-sanitized-write', url)).toBe(false);
  });

  it('refuses a check that names no frame (a worker, an origin-only query)', () => {
    expect(restricted().query('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
