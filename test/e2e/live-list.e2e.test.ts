import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

const chromiumPath = findChromium();

describe('live inspector in chromium', () => {
  const data = tempDataDir();
  let server: ServeProcess | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return;
    }
    browser = await launchChromium(chromiumPath);
    server = await startServe(data.dir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const openUi = async (): Promise<Page> => {
    if (!browser || !server) throw new Error('not started');
    const page = await browser.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.uiUrl);
    return page;
  };

  it('shows how to send a first delivery, with the real receiver URL', async (ctx) => {
    if (!chromiumPath) return ctx.skip(NO_BROWSER_MESSAGE);
    const page = await openUi();
    const empty = page.getByTestId('empty-state');
    await empty.waitFor({ timeout: 10_000 });
    expect(await empty.textContent()).toContain(`${server?.receiverUrl}/webhook`);
    // The token leaves the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.close();
  });

  it('lists a delivery within a second, shows its JSON, and keeps it across a restart', async (ctx) => {
    if (!chromiumPath || !server || !browser) return ctx.skip(NO_BROWSER_MESSAGE);
    const page = await openUi();
    await page.getByTestId('empty-state').waitFor({ timeout: 10_000 });
    // The page is connected once it has shown its empty list; from here the clock runs.
    const sent = Date.now();
    const res = await postDelivery(server.receiverUrl, solafonUpdate(501, 'hello from e2e'));
    expect(res.status).toBe(200);
    const row = page.locator('[data-testid="delivery-row"]', { hasText: 'hello from e2e' });
    await row.waitFor({ timeout: 1000 });
    expect(Date.now() - sent).toBeLessThan(1000);

    await row.click();
    const detail = page.getByTestId('delivery-detail');
    await detail.getByRole('tab', { name: 'JSON' }).click();
    await detail.getByTestId('json-tree').waitFor({ timeout: 5000 });
    const tree = await detail.getByTestId('json-tree').textContent();
    expect(tree).toContain('update_id');
    expect(tree).toContain('hello from e2e');
    await page.close();

    await server.stop();
    server = await startServe(data.dir);
    const again = await openUi();
    await again
      .locator('[data-testid="delivery-row"]', { hasText: 'hello from e2e' })
      .waitFor({ timeout: 10_000 });
    await again.close();
  });

  it('shows problem badges for bad deliveries', async (ctx) => {
    if (!chromiumPath || !server) return ctx.skip(NO_BROWSER_MESSAGE);
    const page = await openUi();
    await page.getByTestId('delivery-list').waitFor({ timeout: 10_000 });
    expect((await postDelivery(server.receiverUrl, '{"update_id": 9,')).status).toBe(400);
    expect((await postDelivery(server.receiverUrl, solafonUpdate(501, 'hello from e2e'))).status).toBe(200);
    const malformed = page.locator('[data-testid="delivery-row"][data-problem="malformed-json"]');
    const duplicate = page.locator('[data-testid="delivery-row"][data-problem="duplicate"]');
    await malformed.first().waitFor({ timeout: 5000 });
    await duplicate.first().waitFor({ timeout: 5000 });
    await duplicate.first().click();
    await page.getByTestId('duplicate-of-link').waitFor({ timeout: 5000 });
    await page.close();
  });
});
