import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// Issue 5's check in chromium: search, select, replay with an edit, see the
// original and the replay's answers side by side.
const chromiumPath = findChromium();

describe('search and replay in chromium', () => {
  const data = tempDataDir();
  let server: ServeProcess | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  let page: Page;
  let bot: Server;
  let botUrl = '';
  const received: Buffer[] = [];

  beforeAll(async () => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return;
    }
    bot = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks));
        res.writeHead(201, { 'content-type': 'text/plain' });
        res.end('bot says hi');
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/webhook`;
    browser = await launchChromium(chromiumPath);
    server = await startServe(data.dir);
    for (const [i, text] of ['order pizza', 'weather today', 'order sushi', 'hello'].entries()) {
      expect((await postDelivery(server.receiverUrl, solafonUpdate(700 + i, text))).status).toBe(200);
    }
    page = await browser.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    bot?.closeAllConnections();
    await new Promise<void>((resolve) => (bot ? bot.close(() => resolve()) : resolve()));
    data.remove();
  });

  it('finds deliveries by full text, keeping up with new arrivals', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.getByTestId('delivery-list').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('order');
    const rows = page.locator('[data-testid="delivery-row"]');
    await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(2);
    expect(await postDelivery(server.receiverUrl, solafonUpdate(800, 'order noodles'))).toMatchObject({
      status: 200,
    });
    await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(3);
    expect(await postDelivery(server.receiverUrl, solafonUpdate(801, 'nothing to see'))).toMatchObject({
      status: 200,
    });
    await page.locator('[data-testid="delivery-row"]', { hasText: 'order noodles' }).waitFor();
    expect(await rows.count()).toBe(3);
  });

  it('replays a selected delivery with an edit and shows both answers side by side', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.locator('[data-testid="delivery-row"]', { hasText: 'order sushi' }).click();
    await page.getByTestId('delivery-detail').waitFor();
    await page.getByTestId('replay-button').click();
    await page.getByTestId('replay-dialog').waitFor();
    await page.getByTestId('replay-target').fill(botUrl);
    await page.getByTestId('replay-edit').check();
    const editor = page.getByTestId('replay-body');
    const edited = (await editor.inputValue()).replace('order sushi', 'order sushi x2');
    await editor.fill('{ not json');
    await expect.poll(() => page.getByTestId('replay-start').isDisabled()).toBe(true);
    await editor.fill(edited);
    await page.getByTestId('replay-start').click();
    await expect
      .poll(async () => page.getByTestId('replay-progress').getAttribute('aria-valuenow'), {
        timeout: 10_000,
      })
      .toBe('1');
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]?.toString() ?? '{}').text).toBe('order sushi x2');

    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Replays' }).click();
    const attempt = page.getByTestId('replay-attempt').first();
    await attempt.waitFor({ timeout: 5000 });
    await attempt.click();
    const compare = page.getByTestId('replay-compare');
    await compare.waitFor();
    const text = (await compare.textContent()) ?? '';
    expect(text).toContain('201');
    expect(text).toContain('bot says hi');
    expect(text).toContain('200');
  });

  it('replays the original bytes unchanged when not edited', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    const original = JSON.stringify(solafonUpdate(900, 'exact bytes'));
    await postDelivery(server.receiverUrl, original);
    await page.getByTestId('search-input').fill('exact');
    const row = page.locator('[data-testid="delivery-row"]', { hasText: 'exact bytes' });
    await row.click();
    await page.getByTestId('replay-button').click();
    await page.getByTestId('replay-target').fill(botUrl);
    const before = received.length;
    await page.getByTestId('replay-start').click();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(before + 1);
    const hash = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
    expect(hash(received.at(-1) ?? '')).toBe(hash(original));
  });
});
