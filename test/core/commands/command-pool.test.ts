import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { CommandPool, type CommandPoolOptions } from '../../../src-main/core/commands/command-pool';
import { HEAP_CAP_BYTES } from '../../../src-main/core/commands/runtime';
import { useCleanup } from '../../support/temp-dir';

const scope = {
  user: { id: 42 },
  chat: { id: 42, type: 'private' },
  options: null,
  params: {},
  request: { method: 'GET', query: {}, headers: {}, body: null, ip: '127.0.0.1' },
};

describe('command pool (worker threads)', () => {
  const addCleanup = useCleanup();
  function pool(options: CommandPoolOptions = {}): CommandPool {
    const made = new CommandPool(options);
    addCleanup(() => made.close());
    return made;
  }

  it('runs a command on another thread and hands back what it set, serialized', async () => {
    const p = pool({ workers: 1 });
    const result = await p.run(
      `console.log('hi'); res.status(201).set('X-A', '1').json({ a: [1, 2] });`,
      scope,
    );
    expect(result).toEqual({
      ok: true,
      response: {
        status: 201,
        headers: [['X-A', '1']],
        kind: 'json',
        body: '{"a":[1,2]}',
        contentType: 'application/json; charset=utf-8',
      },
      logs: ['hi'],
      outbox: [],
    });
    const [worker] = p.stats().workers;
    expect(worker?.threadId).not.toBe(threadId);
  });

  it('keeps the main thread free while a command spins', async () => {
    const p = pool({ workers: 1, limits: { cpuMs: 1000, memoryBytes: 32 * 1024 * 1024 } });
    p.warmUp();
    const spinning = p.run('for (;;) {}', scope);
    // Runs only if the event loop is not blocked by the command.
    const turns = await new Promise<number>((resolve) => {
      let n = 0;
      const tick = () => (++n === 50 ? resolve(n) : setImmediate(tick));
      tick();
    });
    expect(turns).toBe(50);
    expect(p.stats().workers.some((w) => w.running) || p.stats().queued === 1).toBe(true);
    expect(await spinning).toMatchObject({ ok: false, reason: /^Timeout/ });
  });

  it('terminates a worker that outruns the wall-clock watchdog, and replaces it', async () => {
    // A CPU limit far past the watchdog: only the watchdog can stop this one.
    const p = pool({ workers: 1, limits: { cpuMs: 60_000, memoryBytes: 32 * 1024 * 1024 }, watchdogMs: 300 });
    expect((await p.run(`res.text('warm');`, scope)).ok).toBe(true);
    const first = p.stats().workers[0]?.threadId;
    const started = Date.now();
    const result = await p.run(`console.log('lost with the worker'); for (;;) {}`, scope);
    expect(result).toEqual({ ok: false, reason: 'Timeout: the command ran longer than 60000 ms.', logs: [] });
    expect(Date.now() - started).toBeLessThan(2000);
    const after = await p.run(`res.text('still here');`, scope);
    expect(after).toMatchObject({ ok: true, response: { body: 'still here' } });
    expect(p.stats().workers.map((w) => w.threadId)).not.toContain(first);
    expect(p.stats().started).toBe(2);
  });

  it('stops a memory bomb within 2 s and returns its memory by replacing the worker', async () => {
    const p = pool({ workers: 1 });
    expect((await p.run(`res.text('warm');`, scope)).ok).toBe(true);
    const first = p.stats().workers[0]?.threadId;
    const started = Date.now();
    const result = await p.run(
      `console.log('growing'); const a = []; while (true) a.push('x'.repeat(1e6) + a.length);`,
      scope,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ ok: false, reason: /^Memory limit: .* 32 MiB/ });
    expect(!result.ok && result.logs[0]).toBe('growing');
    await p.run(`res.text('next');`, scope);
    const workers = p.stats().workers;
    expect(workers.map((w) => w.threadId)).not.toContain(first);
    for (const w of workers) expect(w.heapBytes).toBeLessThan(HEAP_CAP_BYTES);
  });

  it('names the memory limit when memory runs out so far that QuickJS throws null', async () => {
    // A fresh worker's heap starts small: this bomb grows it to the cap in this run.
    const p = pool({ workers: 1, limits: { cpuMs: 20_000, memoryBytes: 32 * 1024 * 1024 } });
    const result = await p.run(`const a = []; for (;;) a.push({ a: 1, b: [1, 2, 3] });`, scope);
    expect(result).toMatchObject({ ok: false, reason: /^Memory limit/ });
    expect(await p.run('throw null;', scope)).toMatchObject({ ok: false, reason: 'The command threw null.' });
  });

  it('answers busy beyond its workers and queue, with a retry time', async () => {
    const p = pool({ workers: 1, queue: 1, limits: { cpuMs: 300, memoryBytes: 16 * 1024 * 1024 } });
    const runs = [p.run('for (;;) {}', scope), p.run('for (;;) {}', scope), p.run('for (;;) {}', scope)];
    const third = await runs[2];
    expect(third).toMatchObject({ ok: false, busy: true, retryAfterSeconds: 1, reason: /busy/ });
    for (const run of runs.slice(0, 2)) expect(await run).toMatchObject({ ok: false, reason: /^Timeout/ });
    expect((await p.run(`res.text('free again');`, scope)).ok).toBe(true);
  });

  it('answers what waits or runs when it closes, and runs nothing after', async () => {
    const p = new CommandPool({ workers: 1, queue: 2 });
    const running = p.run('for (;;) {}', scope);
    const waiting = p.run(`res.text('never');`, scope);
    await p.close();
    expect(await running).toMatchObject({ ok: false, reason: 'The app is stopping.' });
    expect(await waiting).toMatchObject({ ok: false, reason: 'The app is stopping.' });
    expect(await p.run(`res.text('no');`, scope)).toMatchObject({ ok: false });
    expect(p.stats().workers).toEqual([]);
  });
});
