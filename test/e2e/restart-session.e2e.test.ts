import { createServer } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

const chromiumPath = findChromium();

/** A port that was free a moment ago: the UI is asked for it by name, as a user's default port would be. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('a restart with tabs open', () => {
  const data = tempDataDir();
  let server: ServeProcess | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return;
    }
    browser = await launchChromium(chromiumPath);
    // One profile for both tabs, as in a user's browser.
    context = await browser.browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('keeps the address and the session; an open tab reconnects by itself and a second tab works', async (ctx) => {
    if (!chromiumPath || !context) return ctx.skip(NO_BROWSER_MESSAGE);
    const port = await freePort();
    server = await startServe(data.dir, ['--ui-port', String(port)]);
    const printed = server.uiUrl;
    const page = await context.newPage();
    await page.goto(server.uiUrl);
    const status = page.getByTestId('connection-status');
    await status.filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });

    // The address bar, copied into a second tab: no token in it, and it still works.
    const copied = page.url();
    expect(copied).not.toContain('token=');
    const second = await context.newPage();
    await second.goto(copied);
    await second.getByTestId('empty-state').waitFor({ timeout: 10_000 });
    expect(await second.getByTestId('auth-required').count()).toBe(0);
    await second.close();

    await server.stop();
    await status.filter({ hasText: 'Reconnecting…' }).waitFor({ timeout: 10_000 });
    server = await startServe(data.dir, ['--ui-port', String(port)]);
    // Same address, same token: what was printed before still opens the inspector.
    expect(server.uiUrl).toBe(printed);
    await status.filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });

    // And it works: a delivery arrives live in the old tab.
    const res = await postDelivery(server.receiverUrl, solafonUpdate(701, 'after the restart'));
    expect(res.status).toBe(200);
    await page
      .locator('[data-testid="delivery-row"]', { hasText: 'after the restart' })
      .waitFor({ timeout: 5000 });
    await page.close();
  });
});
