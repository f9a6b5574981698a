import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));

interface Page {
  items: Array<{
    summary: { text: string | null; user: { id: number | string; name: string | null } | null };
  }>;
}

describe('bot-webhook-inspector sandbox send', () => {
  const data = tempDataDir();
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe(data.dir);
  });
  afterAll(async () => {
    await server.stop();
    data.remove();
  });

  it('prints the sandbox line with its token, and a simulated user message reaches the deliveries', async () => {
    expect(server.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.sandboxToken).toMatch(/^\d+:[\w-]+$/);
    const { stdout } = await run(process.execPath, [
      CLI,
      'sandbox',
      'send',
      '--user',
      '42',
      '--name',
      'Ada',
      '--text',
      '/start',
      '--sandbox-url',
      server.sandboxUrl,
    ]);
    expect(stdout).toMatch(/Queued update \d+ in chat 42/);
    const deadline = Date.now() + 5000;
    let page: Page = { items: [] };
    while (page.items.length === 0 && Date.now() < deadline) {
      page = await server.api<Page>('deliveries.list', { limit: 5 });
    }
    expect(page.items[0]?.summary).toMatchObject({ text: '/start', user: { id: 42, name: 'Ada' } });
  });

  it('says clearly when the sandbox is not reachable or the input is wrong', async () => {
    const unreachable = await run(process.execPath, [
      CLI,
      'sandbox',
      'send',
      '--user',
      '1',
      '--text',
      'x',
      '--sandbox-url',
      'http://127.0.0.1:1',
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(unreachable).toMatchObject({ code: 1 });
    expect((unreachable as { stderr: string }).stderr).toMatch(/Cannot reach the sandbox/);
    const usage = await run(process.execPath, [CLI, 'sandbox', 'send', '--text', 'x']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(usage).toMatchObject({ code: 2 });
    expect((usage as { stderr: string }).stderr).toMatch(/--user/);
  });
});
