/**
 * The Host header must name this loopback server: a page on another site
 * that re-binds its DNS name to 127.0.0.1 then fails here. Shared by every
 * server that listens on loopback only (the web bridge, the sandbox).
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}
