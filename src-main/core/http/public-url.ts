/**
 * A team server's public origin (`https://inspector.example.com`): the
 * address at which platforms, browsers and signed links reach it through
 * the TLS proxy. Returns the origin, or throws a RangeError saying why the
 * text cannot be one.
 */
export function publicOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`"${text}" is not a URL; give the origin, e.g. https://inspector.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`"${text}" is not an http(s) URL.`);
  if (url.username !== '' || url.password !== '')
    throw new RangeError(`"${text}" carries a user name or password; give the origin only.`);
  // The proxy serves the UI and the receiver at the root of the host: their paths are fixed.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '')
    throw new RangeError(
      `"${text}" has a path, query or fragment; give the origin only (the inspector is served at the root of its host).`,
    );
  // Platforms post deliveries and browsers send tokens to it: in clear text only on this machine.
  if (url.protocol === 'http:' && !isLoopbackName(url.hostname))
    throw new RangeError(`"${text}" must be https:// (plain http is accepted only for this machine).`);
  return url.origin;
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
