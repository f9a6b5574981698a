import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Person, Role } from '@contract';
import { WebSocket } from 'ws';
import { type Served, serve } from '../../src-main/web/serve';
import { type HttpResponse, httpRequest } from './http';
import { makeTempDir, removeDir } from './temp-dir';

/** A team server (`serve --database`) in-process, with a stand-in static dir. */
export interface TeamServer {
  served: Served;
  ui: string;
  /** Calls a method as the holder of `token`. */
  api(
    token: string | null,
    method: string,
    input?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse>;
  /** A new person, added by the holder of `adminToken`: their token. */
  addPerson(adminToken: string, name: string, role: Role): Promise<{ person: Person; token: string }>;
  /** A WebSocket on /events with this token, open; its messages and close collected. */
  openEvents(token: string, origin?: string): Promise<EventsClient>;
  stop(): Promise<void>;
}

export interface EventsClient {
  ws: WebSocket;
  messages: Array<{ name: string; payload: unknown }>;
  /** Resolves with the close code once the server closed it. */
  closed: Promise<number>;
}

/** Starts one replica on `database`; every replica of a team must share `keyFile`. */
export async function startTeamServer(database: string, keyFile: string): Promise<TeamServer> {
  const root = makeTempDir('bwi-team-web-');
  const staticDir = join(root, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>team</title>');
  let served: Served;
  try {
    served = await serve({
      dataDir: join(root, 'data'),
      receiverPort: 0,
      sandboxPort: 0,
      uiPort: 0,
      staticDir,
      database,
      secretKeyFile: keyFile,
      log: () => {},
    });
  } catch (error) {
    removeDir(root);
    throw error;
  }
  const ui = served.bridge.url;
  const api: TeamServer['api'] = (token, method, input = {}, headers = {}) =>
    httpRequest(`${ui}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: JSON.stringify(input),
    });
  return {
    served,
    ui,
    api,
    async addPerson(adminToken, name, role) {
      const res = await api(adminToken, 'people.add', { name, role });
      if (res.status !== 200) throw new Error(`people.add → ${res.status}: ${res.text}`);
      return res.json<{ person: Person; token: string }>();
    },
    async openEvents(token, origin) {
      const ws = new WebSocket(
        `${ui.replace('http:', 'ws:')}/events?token=${token}`,
        origin ? { origin } : {},
      );
      const messages: EventsClient['messages'] = [];
      ws.on('message', (data) => messages.push(JSON.parse(String(data)) as EventsClient['messages'][number]));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
        ws.once('unexpected-response', (_req, res) =>
          reject(new Error(`upgrade refused: ${res.statusCode}`)),
        );
      });
      return { ws, messages, closed };
    },
    stop: async () => {
      await served.stop();
      removeDir(root);
    },
  };
}
