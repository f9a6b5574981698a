import { describe, expect, it, vi } from 'vitest';
import { CommandPool } from '../../../src-main/core/commands/command-pool';

// A worker file that cannot run: what an incomplete install or a broken build would give.
vi.mock('../../../src-main/core/commands/command-worker?modulePath', () => ({
  default: new URL('./no-such-command-worker.mjs', import.meta.url).pathname,
}));

const scope = { user: null, chat: null, options: null, params: {}, request: null };

describe('command pool whose workers cannot start', () => {
  it('answers every waiting run with a reason instead of leaving it hanging, and logs why', async () => {
    const logs: string[] = [];
    const pool = new CommandPool({ workers: 2, log: (m) => logs.push(m) });
    try {
      const results = await Promise.all([pool.run('1', scope), pool.run('2', scope), pool.run('3', scope)]);
      for (const result of results) {
        expect(result).toEqual({ ok: false, reason: 'The command runtime could not start.', logs: [] });
      }
      expect(logs.some((line) => line.startsWith('commands: a worker could not start'))).toBe(true);
      // It tries again on the next run rather than giving up for good.
      expect(await pool.run('4', scope)).toMatchObject({ ok: false, reason: /could not start/ });
    } finally {
      await pool.close();
    }
  });
});
