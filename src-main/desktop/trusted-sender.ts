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

/**
 * What may leave the app for the user's browser: https links, and plain
 * http only to exactly our own receiver (http://127.0.0.1:<its port>), so
 * "Open" on a signed link runs it. Parsed and compared as origins, never as
 * strings: `http://127.0.0.1:8787.evil.example` or another port is refused.
 */
export function isSafeExternalUrl(raw: string, receiverOrigin: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (receiverOrigin === null || url.protocol !== 'http:' || url.hostname !== '127.0.0.1') return false;
  // Credentials in a link to our receiver are never ours: refuse rather than hand them on.
  if (url.username !== '' || url.password !== '') return false;
  try {
    return url.origin === new URL(receiverOrigin).origin;
  } catch {
    return false;
  }
}
