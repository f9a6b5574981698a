import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ContractError, type Service, type Subscribe, WEB_API_PREFIX, WEB_EVENTS_PATH } from '@contract';
import { handleApiCall, sendJson } from './api-routes';
import { bearerToken, isLoopbackHost, tokenMatches } from './auth';
import { createEventSocket } from './event-socket';
import { refuseFraming } from './no-framing';
import { isForeignOrigin } from './origin';
import { serveStatic } from './static-files';
import { receiveUpload, serveDownload } from './transfer-routes';

export interface BridgeOptions {
  service: Service;
  subscribe: Subscribe;
  token: string;
  port: number;
  /** Where to listen (default 127.0.0.1); a team server's replicas listen where its proxy reaches them. */
  host?: string;
  /**
   * `Host` values accepted besides this server's own address, as `name[:port]`:
   * the names it is reached under through a proxy (a team server's public URL).
   */
  allowedHosts?: string[];
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Where exports are written and uploads kept. */
  transferDir: (kind: 'exports' | 'imports') => string;
  /** Bytes an upload may still take (the exports-and-uploads quota). */
  uploadRoom: () => number;
  log: (message: string) => void;
}

export interface Bridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * The web bridge: the built renderer plus the contract over HTTP and a
 * WebSocket, on loopback unless a team server says otherwise, behind a token.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? LOOPBACK;
  let port = 0;
  let allowedHosts: string[] = [];
  // Whatever the address, a Host that is not one of this server's names is a rebinding page's.
  const ownHost = (header: string | undefined) =>
    isLoopbackHost(header, port) || (header !== undefined && allowedHosts.includes(header.toLowerCase()));
  const events = createEventSocket(options.subscribe);

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log(`web bridge: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, new ContractError('internal', 'The web bridge failed on this request.').toBody());
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    refuseFraming(res);
    if (!ownHost(req.headers.host)) {
      return sendJson(res, 403, new ContractError('unauthorized', 'Unexpected Host header.').toBody());
    }
    const callsCore =
      path.startsWith(WEB_API_PREFIX) || path.startsWith('/downloads/') || path === '/uploads';
    if (callsCore && isForeignOrigin(req.headers.origin, port, allowedHosts)) {
      // The token is for this bridge's own page; another site's page is refused even with it.
      return sendJson(
        res,
        403,
        new ContractError('unauthorized', 'Calls from another origin are refused.').toBody(),
      );
    }
    if (path.startsWith(WEB_API_PREFIX)) {
      if (!tokenMatches(options.token, bearerToken(req))) {
        return sendJson(
          res,
          401,
          new ContractError(
            'unauthorized',
            'Missing or wrong token: send "Authorization: Bearer <token>" with the token the server printed.',
          ).toBody(),
        );
      }
      return handleApiCall(options.service, path.slice(WEB_API_PREFIX.length), req, res);
    }
    if (path.startsWith('/downloads/') || path === '/uploads') {
      // A browser download or upload carries the token in the query: it cannot set headers.
      const token = bearerToken(req) ?? new URL(req.url ?? '/', 'http://x').searchParams.get('token');
      if (!tokenMatches(options.token, token)) {
        return sendJson(res, 401, new ContractError('unauthorized', 'Missing or wrong token.').toBody());
      }
      if (path === '/uploads' && req.method === 'POST')
        return receiveUpload(options.transferDir('imports'), options.uploadRoom(), req, res);
      if (path.startsWith('/downloads/') && req.method === 'GET') {
        // Export names need no escaping; anything escaped is not one of ours and fails the name check.
        return serveDownload(options.transferDir('exports'), path.slice('/downloads/'.length), res);
      }
      return sendJson(
        res,
        405,
        new ContractError('bad-input', 'Use GET /downloads/<file> or POST /uploads.').toBody(),
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, new ContractError('bad-input', 'Only GET is served here.').toBody(), {
        Allow: 'GET',
      });
    }
    return serveStatic(options.staticDir, path, res);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (
      url.pathname !== WEB_EVENTS_PATH ||
      !ownHost(req.headers.host) ||
      isForeignOrigin(req.headers.origin, port, allowedHosts) ||
      !tokenMatches(options.token, url.searchParams.get('token'))
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    events.upgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const address = ownAddress(host, port);
  allowedHosts = [
    ...(options.allowedHosts ?? []).map((h) => h.toLowerCase()),
    ...(address === null ? [] : [address]),
  ];

  return {
    url: `http://${address ?? `${LOOPBACK}:${port}`}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `host:port` of a specific address this server listens on; null for loopback and the wildcards (reached as loopback). */
function ownAddress(host: string, port: number): string | null {
  if (host === '0.0.0.0' || host === '::' || isLoopbackHost(`${host}:${port}`, port)) return null;
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
