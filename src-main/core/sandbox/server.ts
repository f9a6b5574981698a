import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen } from '../http/listen';
import { isLoopbackHost } from '../http/loopback-host';
import { answerRaw } from '../http/raw-answer';
import { controlRoute } from './control-routes';
import { ParamsError } from './params';
import { SandboxError, type SandboxPlatform } from './platform';
import { fail, platformError } from './respond';
import { solafonBotRoute, solafonSettingsRoute } from './solafon-routes';
import { telegramRoute } from './telegram-routes';

const TELEGRAM = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/;
const SOLAFON_BOT = /^\/api\/v1\/bot\/([A-Za-z]+)\/?$/;
const SOLAFON_SETTINGS = /^\/api\/v1\/apps\/([^/]+)\/settings\/?$/;

/**
 * Loopback only, whatever address the receiver listens on: the sandbox
 * holds bot tokens and plays users, so nothing off this machine may reach it.
 */
export const SANDBOX_HOST = '127.0.0.1';

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Malformed input from the client (parameters, percent-escapes, the URL) is a 400, not a 500. */
function badInput(error: unknown): SandboxError | null {
  if (error instanceof ParamsError) return new SandboxError(400, error.message);
  if (error instanceof URIError) return new SandboxError(400, 'Bad Request: malformed percent-encoding');
  if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_INVALID_URL')
    return new SandboxError(400, 'Bad Request: malformed request target');
  return null;
}

/** The sandbox platform's HTTP face: both API dialects and the control routes. */
export async function startSandboxServer(platform: SandboxPlatform, port: number): Promise<SandboxServer> {
  let actual = 0;
  const server: Server = createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, actual)) {
      // A DNS-rebinding page reaches 127.0.0.1 under its own name; refuse it like the web bridge does.
      return fail(res, new SandboxError(403, 'Forbidden: unexpected Host header'));
    }
    const route = async (): Promise<void> => {
      // Inside the promise: an absolute-form target such as `http://[` throws, and must become a 400.
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const path = url.pathname;
      let m = TELEGRAM.exec(path);
      if (m)
        return telegramRoute(
          platform,
          decodeURIComponent(m[1] ?? ''),
          m[2] ?? '',
          req,
          url.searchParams,
          res,
        );
      m = SOLAFON_BOT.exec(path);
      if (m) return solafonBotRoute(platform, m[1] ?? '', req, res);
      m = SOLAFON_SETTINGS.exec(path);
      if (m) return solafonSettingsRoute(platform, decodeURIComponent(m[1] ?? ''), req, res);
      if (path.startsWith('/sandbox/'))
        return controlRoute(platform, path.split('/').filter(Boolean).slice(1), req, res);
      throw new SandboxError(404, 'Not Found');
    };
    route().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      fail(res, badInput(error) ?? error);
    });
  });
  // Unparseable HTTP never reaches a route: say so in the platforms' shape.
  server.on('clientError', (_error, socket) =>
    answerRaw(socket, 400, JSON.stringify(platformError(400, 'Bad Request: malformed HTTP request'))),
  );
  await listen(server, port, SANDBOX_HOST);
  actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${SANDBOX_HOST}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
