import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src-main/core/commands/runtime';

const scope = {
  user: { id: 42, first_name: 'Ada' },
  chat: { id: 42, type: 'private' },
  options: { level: 10 },
  params: { ref: 'profile' },
  request: { method: 'GET', query: {}, headers: {}, body: null, ip: '127.0.0.1' },
};
const fast = { cpuMs: 300, memoryBytes: 16 * 1024 * 1024 };

describe('command runtime (QuickJS)', () => {
  it('gives the command its scope and records res, console and Api calls', async () => {
    const result = await runCommand(
      `console.log('hi', user.first_name, options);
       Api.sendMessage({ text: 'level ' + options.level + ' via ' + params.ref });
       res.status(201).set('X-Test', 'yes').json({ user: user.id, chat: chat.type, method: request.method });`,
      scope,
      fast,
    );
    expect(result).toEqual({
      ok: true,
      logs: ['hi Ada {"level":10}'],
      outbox: [{ text: 'level 10 via profile' }],
      response: {
        status: 201,
        headers: { 'X-Test': 'yes' },
        kind: 'json',
        body: { user: 42, chat: 'private', method: 'GET' },
      },
    });
  });

  it('ends the command once a response is sent', async () => {
    const result = await runCommand(`res.text('first'); console.log('never');`, scope, fast);
    expect(result.ok && result.response).toMatchObject({ kind: 'text', body: 'first' });
    expect(result.ok && result.logs).toEqual([]);
  });

  it('records no response when the command sets none', async () => {
    const result = await runCommand(`const x = 1 + 1;`, scope, fast);
    expect(result.ok && result.response.kind).toBeNull();
  });

  it('reports a thrown error with its message', async () => {
    const result = await runCommand(`throw new TypeError('bad thing');`, scope, fast);
    expect(result).toMatchObject({ ok: false, reason: 'TypeError: bad thing' });
  });

  it('reports a syntax error', async () => {
    const result = await runCommand(`res.json({`, scope, fast);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/SyntaxError/);
  });

  it('contains an infinite loop with the CPU-time limit', async () => {
    const started = Date.now();
    const result = await runCommand(`while (true) {}`, scope, fast);
    expect(result).toMatchObject({ ok: false, reason: 'Timeout: the command ran longer than 300 ms.' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('contains memory bombs with the memory limit', async () => {
    const limits = { cpuMs: 5000, memoryBytes: 8 * 1024 * 1024 };
    for (const bomb of [
      `const a = []; for (;;) a.push({ a: 1, b: [1, 2, 3] });`,
      `let s = 'x'; for (;;) s += s;`,
    ]) {
      const result = await runCommand(bomb, scope, limits);
      expect(result).toMatchObject({ ok: false, reason: 'Memory limit: the command used more than 8 MiB.' });
    }
    // Whichever limit trips first, a bomb never takes the host down.
    const big = await runCommand(`const a = []; for (;;) a.push('x'.repeat(1 << 16));`, scope, {
      cpuMs: 500,
      memoryBytes: 8 * 1024 * 1024,
    });
    expect(big.ok).toBe(false);
  });

  it('contains runaway recursion', async () => {
    const result = await runCommand(`const f = () => f(); f();`, scope, fast);
    expect(result.ok).toBe(false);
  });

  it('offers no way out to the host: process, require, host globals', async () => {
    const result = await runCommand(
      `res.json({
        process: typeof process,
        require: typeof require,
        module: typeof module,
        globalProcess: typeof globalThis.process,
        viaFunction: (() => { try { return typeof Function('return this')().process; } catch (e) { return 'threw'; } })(),
        viaConstructor: (() => { try { return typeof res.json.constructor('return typeof process')(); } catch (e) { return 'threw'; } })(),
        fetch: typeof fetch,
        setTimeout: typeof setTimeout,
        importFn: (() => { try { import('fs'); return 'no error'; } catch (e) { return 'threw'; } })(),
      });`,
      scope,
      fast,
    );
    expect(result.ok && result.response.body).toEqual({
      process: 'undefined',
      require: 'undefined',
      module: 'undefined',
      globalProcess: 'undefined',
      viaFunction: 'undefined',
      viaConstructor: 'string',
      fetch: 'undefined',
      setTimeout: 'undefined',
      importFn: 'no error',
    });
  });

  it('keeps runs apart: nothing one command sets is seen by the next', async () => {
    await runCommand(`globalThis.leak = 'secret'; Object.prototype.polluted = true;`, scope, fast);
    const result = await runCommand(
      `res.json({ leak: typeof leak, polluted: ({}).polluted === true });`,
      scope,
      fast,
    );
    expect(result.ok && result.response.body).toEqual({ leak: 'undefined', polluted: false });
  });

  it('the app keeps serving after a contained failure', async () => {
    await runCommand(`while (true) {}`, scope, fast);
    const result = await runCommand(`res.text('still here');`, scope, fast);
    expect(result.ok && result.response.body).toBe('still here');
  });
});
