import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Served, serve } from '../../src-main/web/serve';
import { sessionToken, UI_TOKEN_FILE } from '../../src-main/web/session-token';
import { httpRequest } from '../support/http';
import { makeTempDir, removeDir } from '../support/temp-dir';

const dirs: string[] = [];
const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function tempDir(): string {
  const dir = makeTempDir('bwi-session-');
  dirs.push(dir);
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

async function start(
  dataDir: string,
  extra: { uiPort?: number; rotateToken?: boolean } = {},
): Promise<Served> {
  const staticDir = join(dataDir, '..', `static-${Math.random().toString(36).slice(2)}`);
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  dirs.push(staticDir);
  const served = await serve({
    dataDir,
    receiverPort: 0,
    sandboxPort: 0,
    staticDir,
    log: () => {},
    ...extra,
  });
  stops.push(() => served.stop());
  return served;
}

/** A port something else holds, for as long as the test runs. */
async function takenPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** POSIX modes: Windows keeps no such bits (the data dir's ACL is the user's there), so only the rest is checked. */
function expectOwnerOnly(path: string): void {
  if (process.platform !== 'win32') expect(mode(path)).toBe(0o600);
}

describe('the UI session token', () => {
  it('is made once, kept 0600 in the data dir, and read back on the next start', () => {
    const dir = tempDir();
    const first = sessionToken(dir);
    expect(first.rotated).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expectOwnerOnly(join(dir, UI_TOKEN_FILE));
    expect(sessionToken(dir)).toEqual({ token: first.token, rotated: false });
  });

  it('tightens a token file left readable by others, and replaces one that is not a token', () => {
    const dir = tempDir();
    const { token } = sessionToken(dir);
    chmodSync(join(dir, UI_TOKEN_FILE), 0o644);
    expect(sessionToken(dir).token).toBe(token);
    expectOwnerOnly(join(dir, UI_TOKEN_FILE));
    writeFileSync(join(dir, UI_TOKEN_FILE), 'short\n');
    const replaced = sessionToken(dir);
    expect(replaced.rotated).toBe(true);
    expect(replaced.token).not.toBe(token);
  });

  it('rotates on request: the old token is then refused', async () => {
    const dir = tempDir();
    const first = await start(dir, { uiPort: 0 });
    const old = first.token ?? '';
    await first.stop();
    stops.pop();
    const rotated = await start(dir, { uiPort: 0, rotateToken: true });
    expect(rotated.token).not.toBe(old);
    expect(rotated.tokenIsNew).toBe(true);
    const call = (token: string) =>
      httpRequest(`${rotated.bridge.url}/api/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
    expect((await call(old)).status).toBe(401);
    expect((await call(rotated.token ?? '')).status).toBe(200);
  });
});

describe('the UI address', () => {
  it('survives a restart on the same data dir: same port asked for, same token', async () => {
    const dir = tempDir();
    const port = await takenPort().then(async (p) => {
      // Freed again at once: a port known to be free a moment ago.
      await stops.pop()?.();
      return p;
    });
    const first = await start(dir, { uiPort: port });
    const { token, uiUrl } = first;
    await first.stop();
    stops.pop();
    const second = await start(dir, { uiPort: port });
    expect(second.uiUrl).toBe(uiUrl);
    expect(second.token).toBe(token);
    expect(second.tokenIsNew).toBe(false);
  });

  it('falls back to a free port when the default one is taken, and says it moved', async () => {
    const { startBridge } = await import('../../src-main/web/bridge-server');
    const taken = await takenPort();
    const options = {
      service: {} as never,
      subscribe: () => () => {},
      token: 't'.repeat(43),
      port: taken,
      staticDir: tempDir(),
      transferDir: () => tempDir(),
      uploadRoom: () => 0,
      log: () => {},
    };
    await expect(startBridge(options)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const bridge = await startBridge({ ...options, fallbackIfTaken: true });
    stops.push(() => bridge.close());
    expect(bridge.movedFrom).toBe(taken);
    expect(bridge.port).not.toBe(taken);
  });
});
