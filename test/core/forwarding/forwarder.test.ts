import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Forwarder } from '../../../src-main/core/forwarding/forwarder';
import { useCleanup } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

async function target(cleanup: (fn: () => unknown) => void) {
  const got: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    got.push(req.headers);
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

describe('Forwarder', () => {
  const cleanup = useCleanup();
  const forwarder = (record: () => Promise<void> = async () => undefined, logs: string[] = []) => {
    const f = new Forwarder({ record, instanceId: 'abc123', log: (m) => logs.push(m), retryDelays: [] });
    cleanup(() => f.stop());
    return f;
  };

  it('names this inspector in the hop header of what it sends', async () => {
    const t = await target(cleanup);
    const result = await forwarder().send(t.url, Buffer.from('{}'), [['Content-Type', 'application/json']]);
    expect(result.status).toBe(200);
    expect(t.got[0]?.['x-bwi-forwarded']).toBe('abc123');
  });

  it('refuses, without sending, a delivery that an inspector forwarded already', async () => {
    const t = await target(cleanup);
    const result = await forwarder().send(t.url, Buffer.from('{}'), [['x-bwi-forwarded', 'someone']]);
    expect(result).toMatchObject({ status: null });
    expect(result.error).toMatch(/X-BWI-Forwarded/);
    expect(t.got).toEqual([]);
  });

  it('logs a tap whose attempt cannot be recorded instead of leaving an unhandled rejection', async () => {
    const t = await target(cleanup);
    const logs: string[] = [];
    const f = forwarder(() => {
      throw new Error('database is closed');
    }, logs);
    f.tap(7, t.url, Buffer.from('{}'), []);
    await waitFor(() => logs.length === 1, { what: 'the log line' });
    expect(logs[0]).toMatch(/delivery 7.*database is closed/);
  });
});
