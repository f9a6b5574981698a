import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRoute } from './control-routes';
import { ParamsError } from './params';
import { SandboxError, type SandboxPlatform } from './platform';
import { fail } from './respond';
import { solafonBotRoute, solafonSettingsRoute } from './solafon-routes';
import { telegramRoute } from './telegram-routes';

const TELEGRAM = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/;
const SOLAFON_BOT = /^\/api\/v1\/bot\/([A-Za-z]+)\/?$/;
const SOLAFON_SETTINGS = /^\/api\/v1\/apps\/([^/]+)\/settings\/?$/;

export interface SandboxServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The sandbox platform's HTTP face: both API dialects and the control routes. */
export async function startSandboxServer(
  platform: SandboxPlatform,
  host: string,
  port: number,
): Promise<SandboxServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const route = async (): Promise<void> => {
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
      fail(res, error instanceof ParamsError ? new SandboxError(400, error.message) : error);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
