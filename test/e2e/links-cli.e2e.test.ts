import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
const cli = (args: string[]) =>
  run(process.execPath, [CLI, ...args]).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

describe('bot-webhook-inspector sign / verify', () => {
  const data = tempDataDir();
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe(data.dir);
  });
  afterAll(async () => {
    await server.stop();
    data.remove();
  });

  it('signs a link the running inspector accepts, and verifies it', async () => {
    const signed = await cli([
      'sign',
      '--command',
      'hello',
      '--user',
      '42',
      '--options',
      '{"level":10}',
      '--param',
      'ref=cli',
      '--data-dir',
      data.dir,
      '--base-url',
      server.receiverUrl,
    ]);
    expect(signed.code).toBe(0);
    const url = signed.stdout.trim();
    expect(url).toMatch(new RegExp(`^${server.receiverUrl}/ownlang/webhook/\\d+\\?command=hello&options=`));
    const res = await request(url);
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toMatchObject({ ok: true, user: 42, params: { ref: 'cli' } });

    const ok = await cli(['verify', url, '--data-dir', data.dir, '--base-url', server.receiverUrl]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^valid: command=hello user=42/);

    const bad = await cli([
      'verify',
      url.replace('ref=cli', 'ref=clj'),
      '--data-dir',
      data.dir,
      '--base-url',
      server.receiverUrl,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^invalid: bad-signature:/);
  });

  it('refuses bad input with a clear message', async () => {
    const reserved = await cli([
      'sign',
      '--command',
      'hello',
      '--user',
      '1',
      '--param',
      'user=2',
      '--data-dir',
      data.dir,
    ]);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toMatch(/reserved/);
    const missing = await cli(['sign', '--user', '1', '--data-dir', data.dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--command/);
    const elsewhere = await cli([
      'verify',
      'https://elsewhere.example/ownlang/webhook/1?command=a&sig=x&user=1',
      '--data-dir',
      data.dir,
    ]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^invalid: wrong-address/);
  });
});
