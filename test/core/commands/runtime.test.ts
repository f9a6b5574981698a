import { describe, expect, it } from 'vitest';
import { HEAP_CAP_BYTES, heapBytes, runCommand } from '../../../src-main/core/commands/runtime';

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

describe('command runtime: failures keep what was logged', () => {
  it('keeps the logs of a command that threw, timed out or ran out of memory', async () => {
    const threw = await runCommand(`console.log('before'); throw new Error('kaput');`, scope, fast);
    expect(threw).toEqual({ ok: false, reason: 'Error: kaput', logs: ['before', 'Error: kaput'] });
    const spun = await runCommand(`console.log('spinning'); for (;;) {}`, scope, fast);
    expect(spun).toMatchObject({ ok: false, reason: /^Timeout/, logs: ['spinning'] });
    const grew = await runCommand(
      `console.log('growing'); const a = []; for (;;) a.push({ a: 1, b: [1, 2, 3] });`,
      scope,
      { cpuMs: 5000, memoryBytes: 8 * 1024 * 1024 },
    );
    expect(grew).toMatchObject({ ok: false, reason: /^Memory limit/ });
    expect(!grew.ok && grew.logs[0]).toBe('growing');
  });

  it('reads logs without running the command again: a planted getter cannot hang the host', async () => {
    const result = await runCommand(
      `console.log('one');
       Object.defineProperty(globalThis.__commandLogs, 1, { get() { for (;;) {} } });
       throw new Error('then fail');`,
      scope,
      fast,
    );
    expect(result).toMatchObject({ ok: false, reason: 'Error: then fail' });
    expect(!result.ok && result.logs[0]).toBe('one');
  });
});

describe('command runtime: the heap is capped', () => {
  it('reports a thrown null as such', async () => {
    expect(await runCommand('throw null;', scope, fast)).toMatchObject({
      ok: false,
      reason: 'The command threw null.',
    });
  });

  it('stops a string-rope bomb (which QuickJS does not count) by the WASM heap cap, quickly', async () => {
    const started = Date.now();
    const result = await runCommand(`const a = []; while (true) a.push('x'.repeat(1e6) + a.length);`, scope);
    expect(result).toMatchObject({ ok: false, reason: /^Memory limit/ });
    expect(heapBytes()).toBeLessThanOrEqual(HEAP_CAP_BYTES);
    // Generous: unbounded, this ran 7–17 s and grew the heap to 2 GB.
    expect(Date.now() - started).toBeLessThan(5000);
    const after = await runCommand(`res.text('fine');`, scope, fast);
    expect(after.ok && after.response.body).toBe('fine');
  });
});

describe('command runtime: a command cannot forge or break its record', () => {
  it.each([
    ['JSON.stringify replaced', `JSON.stringify = () => '{"state": 5}'; res.json({});`],
    ['toJSON planted on objects', `Object.prototype.toJSON = function () { return 7; }; res.json({});`],
    ['log array stuffed with non-strings', `globalThis.__commandLogs.push({ not: 'a string' });`],
  ])('%s: a readable failure or a checked record, never a host crash', async (_name, body) => {
    const result = await runCommand(body, scope, fast);
    if (result.ok) {
      expect(typeof result.response.headers).toBe('object');
      expect(result.logs.every((line) => typeof line === 'string')).toBe(true);
    } else {
      expect(result.reason).toMatch(/runtime's own objects/);
    }
  });

  it('caps the logs a command pushes straight into the log array', async () => {
    const result = await runCommand(
      `for (let i = 0; i < 1000; i++) globalThis.__commandLogs.push('x'.repeat(3000));`,
      scope,
      fast,
    );
    expect(result.ok && result.logs.length).toBe(201);
    expect(result.ok && Math.max(...result.logs.map((line) => line.length))).toBe(2000);
  });
});
