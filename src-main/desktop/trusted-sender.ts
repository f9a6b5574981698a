/**
 * Is this frame the app's own page? Decided by parsing the frame's URL and
 * comparing it with the page we loaded, never by matching substrings.
 */
export function isTrustedFrameUrl(frameUrl: string | undefined, appPageUrl: string): boolean {
  if (!frameUrl) return false;
  let frame: URL;
  let app: URL;
  try {
    frame = new URL(frameUrl);
    app = new URL(appPageUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    // file: URLs have an opaque origin: the exact file must match.
    return frame.protocol === 'file:' && frame.host === app.host && frame.pathname === app.pathname;
  }
  return frame.origin === app.origin;
}

/** Only https: links leave the app, and only to the user's browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}
