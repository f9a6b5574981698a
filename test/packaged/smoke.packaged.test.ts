import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { _electron as electron } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../support/temp-dir';

// The packaged app, as a user installs it: electron-builder's unpacked
// output (dist/…-unpacked, the .app inside dist/mac*) or BWI_PACKAGED_APP.
// The release workflow runs this after `npm run dist` on each OS. Where
// there is no packaged app (Electron's runtime cannot be downloaded, so
// `npm run dist` could not run) the test says so and is skipped; nothing
// else skips it.

const root = join(import.meta.dirname, '../..');
const NAME = 'Bot Webhook Inspector';

function packagedApp(): { path: string } | { missing: string } {
  const given = process.env.BWI_PACKAGED_APP;
  if (given)
    return existsSync(given) ? { path: given } : { missing: `BWI_PACKAGED_APP=${given} does not exist` };
  const candidates =
    process.platform === 'darwin'
      ? ['mac', 'mac-arm64', 'mac-universal'].map((dir) =>
          join(root, 'dist', dir, `${NAME}.app/Contents/MacOS/${NAME}`),
        )
      : process.platform === 'win32'
        ? [join(root, 'dist/win-unpacked', `${NAME}.exe`)]
        : [
            join(root, 'dist/linux-unpacked/bot-webhook-inspector'),
            join(root, 'dist/linux-arm64-unpacked/bot-webhook-inspector'),
          ];
  const found = candidates.find((candidate) => existsSync(candidate));
  return found === undefined
    ? {
        missing: `no packaged app in dist/ (looked for ${candidates.map((c) => c.slice(root.length + 1)).join(', ')}): run \`npm run dist\` first, which needs Electron's runtime to be downloadable`,
      }
    : { path: found };
}

const run = promisify(execFile);

/** A port nothing listens on now: the OS picks it, and we let it go for the app to take. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const TELEGRAM_UPDATE = JSON.stringify({
  update_id: 1001,
  message: {
    message_id: 1,
    date: 1_700_000_000,
    chat: { id: 42, type: 'private' },
    from: { id: 42, is_bot: false, first_name: 'Ada' },
    text: 'hello from curl',
  },
});

describe('the packaged app', () => {
  it('starts, shows the empty state, receives a delivery posted with curl, and quits cleanly', async (ctx) => {
    const app = packagedApp();
    if ('missing' in app) {
      // The release workflow built the installers just before: there, a missing app is a failure.
      if (process.env.BWI_REQUIRE_PACKAGED === '1')
        throw new Error(`The packaged app is missing: ${app.missing}.`);
      console.warn(`Packaged-app smoke test not run: ${app.missing}.`);
      ctx.skip(true, app.missing);
      return;
    }
    const dataDir = makeTempDir('bwi-packaged-');
    dirs.push(dataDir);
    const receiverPort = await freePort();
    const sandboxPort = await freePort();
    const launched = await electron.launch({
      executablePath: app.path,
      env: {
        ...process.env,
        BWI_DATA_DIR: dataDir,
        BWI_RECEIVER_PORT: String(receiverPort),
        BWI_SANDBOX_PORT: String(sandboxPort),
      },
      timeout: 60_000,
    });
    try {
      const page = await launched.firstWindow();
      await page.getByTestId('empty-state').waitFor({ timeout: 30_000 });
      await run('curl', [
        '--silent',
        '--show-error',
        '--fail',
        '-X',
        'POST',
        '-H',
        'Content-Type: application/json',
        '--data',
        TELEGRAM_UPDATE,
        `http://127.0.0.1:${receiverPort}/webhook`,
      ]);
      const row = page.getByTestId('delivery-row').first();
      await row.waitFor({ timeout: 15_000 });
      expect(await row.textContent()).toContain('hello from curl');
    } finally {
      const exited = new Promise<number | null>((resolve) =>
        launched.process().once('exit', (code) => resolve(code)),
      );
      await launched.close();
      expect(await exited).toBe(0);
    }
    // The history is where the app keeps it, and the app let go of it.
    expect(existsSync(join(dataDir, 'inspector.sqlite'))).toBe(true);
  });
});
