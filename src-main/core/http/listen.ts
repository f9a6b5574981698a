import type { Server } from 'node:http';

/**
 * Binds the server; resolves once it listens. A bind that fails (the port is
 * taken, the address is not this machine's) rejects, instead of surfacing as
 * an `error` event nobody waits for.
 */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
