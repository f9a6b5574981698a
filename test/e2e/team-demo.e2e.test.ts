import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { findPostgresBin, NO_POSTGRES_MESSAGE } from '../support/postgres';
import { postDelivery, solafonUpdate } from './support/deliveries';

// `npm run team-demo` as a user runs it: its script as a child, its printed lines read, the topology
// used, then Ctrl+C (SIGINT) and nothing of it left running or on disk.

const SCRIPT = fileURLToPath(new URL('../../scripts/team-demo.js', import.meta.url));

interface Printed {
  proxy: string;
  replicas: Array<{ ui: string; receiver: string; token: string }>;
  /** Null until the people-and-roles work prints one: each replica's per-run token stands in. */
  adminToken: string | null;
  postgresPort: number;
  dir: string;
}

function parse(out: string): Printed | null {
  const dir = /^Ctrl\+C stops everything and removes (\S+)\.$/m.exec(out)?.[1];
  if (dir === undefined) return null;
  const line = (pattern: RegExp) => {
    const match = pattern.exec(out);
    if (!match) throw new Error(`No line like ${pattern} in:\n${out}`);
    return match;
  };
  const replica = (n: number) => {
    const [, ui = '', receiver = ''] = line(new RegExp(`^Replica ${n}: UI (\\S+) receiver (\\S+)$`, 'm'));
    return { ui, receiver, token: new URL(ui).searchParams.get('token') ?? '' };
  };
  return {
    proxy: line(/^Proxy: (\S+) /m)[1] ?? '',
    replicas: [replica(1), replica(2)],
    adminToken: /^Admin token: (\S+)$/m.exec(out)?.[1] ?? null,
    postgresPort: Number(new URL(line(/^PostgreSQL: (\S+)$/m)[1] ?? '').port),
    dir,
  };
}

async function api<T>(base: string, token: string, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${new URL(base).origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${method} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Whether nothing listens on the port of 127.0.0.1 any more. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

interface Listed {
  items: Array<{ updateId: number | null; summary: { text: string | null } }>;
}

describe('npm run team-demo', () => {
  it('runs PostgreSQL, two replicas and a proxy; a delivery to replica 1 is read on replica 2; Ctrl+C stops it all', {
    timeout: 120_000,
  }, async (ctx) => {
    if (!findPostgresBin()) {
      if (process.env.CI) throw new Error(NO_POSTGRES_MESSAGE);
      return ctx.skip(NO_POSTGRES_MESSAGE);
    }
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const exited = new Promise<number | string>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
    );
    ctx.onTestFinished(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const printed = await new Promise<Printed>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        try {
          const done = parse(out);
          if (done) resolve(done);
        } catch (error) {
          reject(error);
        }
      });
      void exited.then((code) => reject(new Error(`team-demo exited (${code}) early.\n${out}\n${err}`)));
    });
    const [one, two] = printed.replicas as [Printed['replicas'][0], Printed['replicas'][0]];

    expect((await postDelivery(one.receiver, solafonUpdate(101, 'posted to replica 1'))).status).toBe(200);
    const onTwo = await api<Listed>(two.ui, printed.adminToken ?? two.token, 'deliveries.list');
    expect(onTwo.items.map((i) => i.summary.text)).toContain('posted to replica 1');

    // The proxy is the public URL: webhooks go through it to a receiver, the UI's calls and events to a UI.
    const viaProxy = printed.adminToken ?? one.token;
    const info = await api<{ receiverUrl: string }>(printed.proxy, viaProxy, 'app.info');
    expect(info.receiverUrl).toBe(printed.proxy);
    const events = new WebSocket(`${printed.proxy.replace('http:', 'ws:')}/events?token=${viaProxy}`);
    ctx.onTestFinished(() => events.terminate());
    await new Promise<void>((resolve, reject) => {
      events.once('open', () => resolve());
      events.once('error', reject);
    });
    const pushed = new Promise<number[]>((resolve) => {
      events.on('message', (data) => {
        const event = JSON.parse(String(data)) as { name: string; payload: Listed };
        if (event.name === 'delivery.added') resolve(event.payload.items.map((i) => i.updateId ?? 0));
      });
    });
    expect((await postDelivery(printed.proxy, solafonUpdate(102, 'through the proxy'))).status).toBe(200);
    expect(await pushed).toEqual([102]);
    const both = await api<Listed>(two.ui, printed.adminToken ?? two.token, 'deliveries.list');
    expect(both.items.map((i) => i.updateId).sort()).toEqual([101, 102]);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const ports = [
      Number(new URL(printed.proxy).port),
      ...printed.replicas.flatMap((r) => [Number(new URL(r.ui).port), Number(new URL(r.receiver).port)]),
      printed.postgresPort,
    ];
    for (const port of ports) expect(await refused(port), `port ${port}`).toBe(true);
    expect(existsSync(printed.dir)).toBe(false);
    expect(err).toMatch(/^Team demo stopped\.$/m);
  });
});
