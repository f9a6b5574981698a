import type { Session } from 'electron';
import { isTrustedFrameUrl } from './trusted-sender';

/** The part of a session the policy sets: a fake stands in for it in tests. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/**
 * The one permission the UI uses: its Copy buttons call
 * `navigator.clipboard.writeText`, which Chromium gates behind this check.
 * Sanitized writes only; reading the clipboard stays denied.
 */
const APP_PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Granted only to the app's own page, and only what the UI needs; everything else is refused. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  appPageUrl: string,
): boolean {
  return APP_PAGE_PERMISSIONS.has(permission) && isTrustedFrameUrl(requestingUrl, appPageUrl);
}

/**
 * Without handlers Electron grants every permission a page asks for (camera,
 * microphone, geolocation, notifications, opening external protocols, …).
 * The check handler answers the queries most web APIs make first; the request
 * handler answers the prompts; the device handler covers HID, serial and USB.
 */
export function restrictPermissions(session: PermissionSession, appPageUrl: () => string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, appPageUrl()));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl, appPageUrl()),
  );
  session.setDevicePermissionHandler(() => false);
}
