import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  ContractError,
  ERROR_STATUS,
  type Person,
  REVOKED_CLOSE_CODE,
  type Service,
  type Subscribe,
  WEB_API_PREFIX,
  WEB_EVENTS_PATH,
} from '@contract';
import { describeError } from '@contract/describe-error';
import { dispatch } from '@contract/dispatch';
import { type FileRoute, listen, type TeamGate } from '../core';
import { type Call, handleApiCall, sendJson } from './api-routes';
import { bearerToken, isLoopbackHost, tokenMatches } from './auth';
import { allowOrigin, answerPreflight } from './cors';
import { createEventSocket } from './event-socket';
import { refuseFraming } from './no-framing';
import { isAllowedHost, isOwnOrigin } from './public-hosts';
import { serveStatic } from './static-files';
import { receiveUpload, serveDownload } from './transfer-routes';

/** What the bridge needs of a team server's people (core's TeamGate). */
export type PeopleGate = Pick<
  TeamGate,
  'authenticate' | 'call' | 'refuseFile' | 'active' | 'onPeopleChanged'
>;

export interface BridgeOptions {
  service: Service;
  subscribe: Subscribe;
  /** The local app: the per-run token the printed UI address carries. */
  token?: string;
  /**
   * A team server: personal tokens instead of the per-run token; each call is
   * made as the token's person (roles, audit log). Give this or `token`.
   */
  team?: PeopleGate;
  /**
   * Hosts (`host[:port]`, as `new URL(publicUrl).host` gives them) the
   * bridge also answers to besides loopback: a server reached through a proxy.
   */
  allowedHosts?: readonly string[];
  /** The address to listen on: loopback unless a team server is exposed (`--ui-host`). */
  host?: string;
  port: number;
  /**
   * When `port` is taken: listen on a free port instead of failing (the
   * default UI port; a port asked for by name fails instead). Said in `movedFrom`.
   */
  fallbackIfTaken?: boolean;
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
  /** The port asked for, when it was taken and the bridge fell back to another; null otherwise. */
  movedFrom: number | null;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** A WebSocket close code of the app's range (4000–4999): the token that opened it was revoked. */

/** Who is calling, once their token is checked: how their calls and file routes go. */
interface Caller {
  call: Call;
  /** Null when the caller may use this file route; otherwise why not. */
  refuseFile(route: FileRoute, file: string): Promise<ContractError | null>;
}

const refuse = (res: ServerResponse, error: ContractError) =>
  sendJson(res, ERROR_STATUS[error.code], error.toBody());

/**
 * The web bridge: the built renderer plus the contract over HTTP and a
 * WebSocket, on loopback only. The local app's bridge is behind a per-run
 * token and answers its own page only; a team server's is behind personal
 * tokens, and answers other origins' calls that carry one.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { team, token: runToken } = options;
  if ((team === undefined) === (runToken === undefined)) {
    throw new Error('The web bridge takes a per-run token or a team server’s people, one of the two.');
  }
  const host = options.host ?? HOST;
  // The public hosts given, and the address this bridge listens on when it is a specific one (added once bound).
  let allowedHosts: readonly string[] = (options.allowedHosts ?? []).map((h) => h.toLowerCase());
  let port = 0;
  const events = createEventSocket(options.subscribe);
  const stopWatching = team?.onPeopleChanged(() => {
    cutRevoked().catch((error: unknown) =>
      options.log(`web bridge: could not check open sessions against revocations: ${describeError(error)}`),
    );
  });

  /** Closes the event sockets of people revoked since they connected. */
  async function cutRevoked(): Promise<void> {
    const owners = events.owners();
    if (team === undefined || owners.length === 0) return;
    const active = await team.active(owners);
    events.cut((owner) => !active.has(owner), REVOKED_CLOSE_CODE, 'the token was revoked');
  }

  /** The caller a token names, or null when it names none (missing, wrong, unknown, revoked). */
  async function callerFor(token: string | null): Promise<Caller | null> {
    if (team === undefined) {
      if (runToken === undefined || !tokenMatches(runToken, token)) return null;
      return {
        call: (method, input) => dispatch(options.service, method, input),
        refuseFile: async () => null,
      };
    }
    const person = await team.authenticate(token);
    if (person === null) return null;
    return {
      call: (method, input) => team.call(person, method, input),
      refuseFile: (route, file) => team.refuseFile(person, route, file),
    };
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof ContractError && !res.headersSent) return refuse(res, error);
      options.log(`web bridge: ${describeError(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, new ContractError('internal', 'The web bridge failed on this request.').toBody());
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    refuseFraming(res);
    if (!isAllowedHost(req.headers.host, port, allowedHosts)) {
      return sendJson(res, 403, new ContractError('unauthorized', 'Unexpected Host header.').toBody());
    }
    const callsCore =
      path.startsWith(WEB_API_PREFIX) || path.startsWith('/downloads/') || path === '/uploads';
    const origin = req.headers.origin;
    if (callsCore && origin !== undefined && !isOwnOrigin(origin, port, allowedHosts)) {
      // The local app's token is for this bridge's own page; another site's page is refused even with it.
      // A team server's personal token in a header is no ambient credential: any page holding one may call.
      if (team === undefined || bearerToken(req) === null) {
        if (team !== undefined && req.method === 'OPTIONS') {
          allowOrigin(res, origin);
          return answerPreflight(req, res);
        }
        return sendJson(
          res,
          403,
          new ContractError(
            'unauthorized',
            team === undefined
              ? 'Calls from another origin are refused.'
              : 'Calls from another origin must carry a personal token in an Authorization header.',
          ).toBody(),
        );
      }
      allowOrigin(res, origin);
    }
    if (path.startsWith(WEB_API_PREFIX)) {
      const caller = await callerFor(bearerToken(req));
      if (caller === null) {
        return sendJson(
          res,
          401,
          new ContractError(
            'unauthorized',
            team === undefined
              ? 'Missing or wrong token: send "Authorization: Bearer <token>" with the token the server printed.'
              : 'Missing, unknown or revoked token: send "Authorization: Bearer <token>" with your personal token.',
          ).toBody(),
        );
      }
      return handleApiCall(caller.call, path.slice(WEB_API_PREFIX.length), req, res);
    }
    if (path.startsWith('/downloads/') || path === '/uploads') {
      // A browser download or upload carries the token in the query: it cannot set headers.
      const token = bearerToken(req) ?? new URL(req.url ?? '/', 'http://x').searchParams.get('token');
      const caller = await callerFor(token);
      if (caller === null) {
        return sendJson(res, 401, new ContractError('unauthorized', 'Missing or wrong token.').toBody());
      }
      if (path === '/uploads' && req.method === 'POST') {
        const refused = await caller.refuseFile('upload', '');
        if (refused !== null) return refuse(res, refused);
        return receiveUpload(options.transferDir('imports'), options.uploadRoom(), req, res);
      }
      if (path.startsWith('/downloads/') && req.method === 'GET') {
        // Export names need no escaping; anything escaped is not one of ours and fails the name check.
        const file = path.slice('/downloads/'.length);
        const refused = await caller.refuseFile('download', file);
        if (refused !== null) return refuse(res, refused);
        return serveDownload(options.transferDir('exports'), file, res);
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

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const token = url.searchParams.get('token');
    if (url.pathname !== WEB_EVENTS_PATH || !isAllowedHost(req.headers.host, port, allowedHosts)) {
      return refuseUpgrade(socket, '401 Unauthorized');
    }
    if (team === undefined) {
      const origin = req.headers.origin;
      const sameOrigin = origin === undefined || isOwnOrigin(origin, port, allowedHosts);
      if (!sameOrigin || runToken === undefined || !tokenMatches(runToken, token)) {
        return refuseUpgrade(socket, '401 Unauthorized');
      }
      return events.upgrade(req, socket, head);
    }
    // Any origin: the personal token in the address is no ambient credential. Events are
    // read-only and carry no secrets (lists and progress only), so every role receives them.
    let person: Person | null;
    try {
      person = await team.authenticate(token);
    } catch {
      return refuseUpgrade(socket, '503 Service Unavailable');
    }
    if (person === null) return refuseUpgrade(socket, '401 Unauthorized');
    events.upgrade(req, socket, head, person.id);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(req, socket, head).catch((error: unknown) => {
      options.log(`web bridge: ${describeError(error)}`);
      socket.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  let movedFrom: number | null = null;
  try {
    await listen(server, options.port, host);
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!taken || !options.fallbackIfTaken || options.port === 0) throw error;
    movedFrom = options.port;
    await listen(server, 0, host);
  }
  port = (server.address() as AddressInfo).port;
  const address = ownAddress(host, port);
  if (address !== null) allowedHosts = [...allowedHosts, address];

  return {
    url: `http://${address ?? `${HOST}:${port}`}`,
    port,
    movedFrom,
    close: () =>
      new Promise<void>((resolve) => {
        stopWatching?.();
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** `host:port` of a specific address the bridge listens on; null for loopback and the wildcards (reached as loopback). */
function ownAddress(host: string, port: number): string | null {
  if (host === '0.0.0.0' || host === '::' || isLoopbackHost(`${host}:${port}`, port)) return null;
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
