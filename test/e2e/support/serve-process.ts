import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../out/main/cli.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  /** The printed `Inspector UI:` address: with the per-run token locally, without one on a team server. */
  uiUrl: string;
  uiBase: string;
  /**
   * What `api` and a browser use: the per-run token locally; on a team server
   * the admin token it printed (first start on an empty database), or the one
   * passed in `options.token`.
   */
  token: string;
  /** On a team server's first start: the printed `Admin token:`; null otherwise. */
  adminToken: string | null;
  /** The UI's address with `token` in it, for a browser. */
  browserUrl: string;
  receiverUrl: string;
  sandboxUrl: string;
  sandboxToken: string;
  /** Calls a contract method through the web bridge's HTTP API. */
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bwi-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `bot-webhook-inspector serve` on free ports and waits for its lines.
 * `options.token`: a personal token for a replica of a team server that
 * makes no admin (its database has people already).
 */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  options: { token?: string } = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--data-dir',
      dataDir,
      '--receiver-port',
      '0',
      '--ui-port',
      '0',
      '--sandbox-port',
      '0',
      ...extraArgs,
    ],
    // A DATABASE_URL in the test's own environment (for the store tests) must not make every served
    // inspector a team server: only the tests that ask for one (--database) get one.
    { stdio: ['ignore', 'pipe', 'pipe'], env: withoutDatabaseUrl(process.env) },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = await new Promise<{
    ui: string;
    receiver: string;
    sandbox: string;
    sandboxToken: string;
    admin: string | null;
  }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`serve did not start in time.\n${out}\n${stderr}`)),
      20_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}.\n${out}\n${stderr}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ui = /^Inspector UI: (\S+)$/m.exec(out)?.[1];
      const receiver = /^Receiver: (\S+)$/m.exec(out)?.[1];
      const sandbox = /^Sandbox platform: (\S+) \(token (\S+)\)$/m.exec(out);
      if (ui && receiver && sandbox?.[1] && sandbox[2]) {
        clearTimeout(timer);
        // Printed before the UI line, once, when serve made the team's first admin.
        const admin = /^Admin token: (\S+)$/m.exec(out)?.[1] ?? null;
        resolve({ ui, receiver, sandbox: sandbox[1], sandboxToken: sandbox[2], admin });
      }
    });
  });
  const ui = new URL(lines.ui);
  const token = ui.searchParams.get('token') ?? options.token ?? lines.admin ?? '';
  const browserUrl = new URL(ui);
  browserUrl.searchParams.set('token', token);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    uiUrl: lines.ui,
    uiBase: ui.origin,
    token,
    adminToken: lines.admin,
    browserUrl: browserUrl.href,
    receiverUrl: lines.receiver,
    sandboxUrl: lines.sandbox,
    sandboxToken: lines.sandboxToken,
    api: async <T>(method: string, input: unknown = {}) => {
      const res = await fetch(`${ui.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!res.ok) throw new Error(`${method} → ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}
