import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ListDeliveriesOutput } from '@contract';
import { afterAll, describe, expect, it } from 'vitest';
import { record } from '../support/records';
import { waitFor } from '../support/wait';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { startServe, tempDataDir } from './support/serve-process';

// The files a security review crafted: each once made `import.start` answer 200
// and then the whole process exit (an unhandled rejection).
const summary = record(0).summary as Record<string, unknown>;
const CRAFTED = [
  record(3, { summary: { ...summary, updateId: 'str' } }),
  record(3, { summary: { ...summary, user: { id: { a: 1 }, name: null, username: null, language: null } } }),
  record(3, { invocation: {} }),
  record(3, { bodySize: 'abc' }),
  record(3, { problem: 'bogus' }),
];

describe('the built inspector and a hostile import', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('keeps serving, keeps the lines before the bad one, and its list stays valid', async () => {
    const server = await startServe(data.dir);
    try {
      for (const [i, bad] of CRAFTED.entries()) {
        const text = [record(100 + 2 * i), record(101 + 2 * i), bad].map((r) => JSON.stringify(r)).join('\n');
        const up = await fetch(`${server.uiBase}/uploads?token=${server.token}&name=crafted.ndjson`, {
          method: 'POST',
          body: text,
        });
        const { file } = (await up.json()) as { file: string };
        const started = await server.api<{ state: string }>('import.start', { format: 'ndjson', file });
        expect(started.state).toBe('running');
        // The upload is removed when the job ends, whatever its outcome.
        await waitFor(() => !readdirSync(join(data.dir, 'imports')).includes(file), {
          timeoutMs: 10_000,
          what: 'the import to end',
        });
      }
      expect(server.child.exitCode).toBeNull();
      expect((await postDelivery(server.receiverUrl, solafonUpdate(1, 'still here'))).status).toBe(200);
      const list = ListDeliveriesOutput.parse(await server.api('deliveries.list', { limit: 100 }));
      expect(list.items.map((i) => i.summary.text).sort()).toEqual(
        [...CRAFTED.flatMap((_, i) => [`hello ${100 + 2 * i}`, `hello ${101 + 2 * i}`]), 'still here'].sort(),
      );
    } finally {
      await server.stop();
    }
  });
});
