import { fileURLToPath } from 'node:url';
import { type Core, type CoreOptions, startCore } from '../core';
import { type Bridge, startBridge } from './bridge-server';
import { sessionToken } from './session-token';

/** The UI's port unless told otherwise: the same address every start, so open tabs and bookmarks keep working. */
export const DEFAULT_UI_PORT = 8789;

export interface ServeOptions extends CoreOptions {
  /** Default DEFAULT_UI_PORT, with a free port instead when it is taken; a port given here is not moved. */
  uiPort?: number;
  /** Replace the kept UI token with a new one (every browser holding the old one is refused). */
  rotateToken?: boolean;
  /** The UI's address (default 127.0.0.1); only a team server's may be another. */
  uiHost?: string;
  staticDir?: string;
}

export interface Served {
  core: Core;
  bridge: Bridge;
  /** The local app's token (kept in the data dir); null on a team server, where people hold personal tokens. */
  token: string | null;
  /** The token was made now (first start, or rotated): tabs opened before must use the new address. */
  tokenIsNew: boolean;
  /** On a team server whose database had no people: the admin made now, whose token is shown this once. */
  adminToken: string | null;
  /** The UI's address: with the per-run token on the local app, without a token on a team server. */
  uiUrl: string;
  stop(): Promise<void>;
}

/** Core plus the web bridge: what `npm run serve` runs. */
export async function serve(options: ServeOptions): Promise<Served> {
  const core = await startCore(options);
  const { team } = core;
  let session: { token: string; rotated: boolean } | null = null;
  let access: { token: string } | { team: NonNullable<Core['team']> };
  try {
    if (team === null) {
      session = sessionToken(core.dataDir, { rotate: options.rotateToken === true });
      access = { token: session.token };
    } else {
      access = { team };
    }
  } catch (error) {
    await core.stop();
    throw error;
  }
  const token = session?.token ?? null;
  let adminToken: string | null = null;
  let bridge: Bridge;
  try {
    adminToken = (await core.team?.addFirstAdmin()) ?? null;
    bridge = await startBridge({
      service: core.service,
      subscribe: core.subscribe,
      ...access,
      port: options.uiPort ?? DEFAULT_UI_PORT,
      fallbackIfTaken: options.uiPort === undefined,
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
    tokenIsNew: session?.rotated ?? false,
    adminToken,
    uiUrl: token === null ? `${bridge.url}/` : `${bridge.url}/?token=${token}`,
    stop: async () => {
      await bridge.close();
      await core.stop();
    },
  };
}
