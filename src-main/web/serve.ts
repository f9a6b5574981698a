import { fileURLToPath } from 'node:url';
import { type Core, type CoreOptions, startCore } from '../core';
import { newToken } from './auth';
import { type Bridge, startBridge } from './bridge-server';

export interface ServeOptions extends CoreOptions {
  uiPort?: number;
  /** The UI's address (default 127.0.0.1); only a team server's may be another. */
  uiHost?: string;
  staticDir?: string;
}

export interface Served {
  core: Core;
  bridge: Bridge;
  /** The local app's per-run token; null on a team server, where people hold personal tokens. */
  token: string | null;
  /** On a team server whose database had no people: the admin made now, whose token is shown this once. */
  adminToken: string | null;
  /** The UI's address: with the per-run token on the local app, without a token on a team server. */
  uiUrl: string;
  stop(): Promise<void>;
}

/** Core plus the web bridge: what `npm run serve` runs. */
export async function serve(options: ServeOptions): Promise<Served> {
  const core = await startCore(options);
  const access = core.team === null ? { token: newToken() } : { team: core.team };
  const token = access.token ?? null;
  let adminToken: string | null = null;
  let bridge: Bridge;
  try {
    adminToken = (await core.team?.addFirstAdmin()) ?? null;
    bridge = await startBridge({
      service: core.service,
      subscribe: core.subscribe,
      ...access,
      port: options.uiPort ?? 0,
      ...(options.uiHost === undefined ? {} : { host: options.uiHost }),
      // Behind the team server's proxy the browser names the public host.
      ...(options.publicUrl === undefined ? {} : { allowedHosts: [new URL(options.publicUrl).host] }),
      staticDir: options.staticDir ?? fileURLToPath(new URL('../renderer/', import.meta.url)),
      transferDir: core.transferDir,
      uploadRoom: core.uploadRoom,
      log: options.log ?? ((message) => console.error(message)),
    });
  } catch (error) {
    await core.stop();
    throw error;
  }
  return {
    core,
    bridge,
    token,
    adminToken,
    uiUrl: token === null ? `${bridge.url}/` : `${bridge.url}/?token=${token}`,
    stop: async () => {
      await bridge.close();
      await core.stop();
    },
  };
}
