import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// Export and import in web mode, as a person does it in chromium: the
// download link and the file input, over the bridge's download and upload
// routes. The desktop's side of the same flow (native dialogs over IPC) is
// test/desktop/file-transfer-ipc.test.ts and test/renderer/Transfer.test.tsx.
const chromiumPath = findChromium();

describe('export and import in the browser', () => {
  const data = tempDataDir();
  let server: ServeProcess | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return;
    }
    browser = await launchChromium(chromiumPath);
    server = await startServe(data.dir);
    for (const [i, text] of ['one', 'two', 'three'].entries()) {
      expect((await postDelivery(server.receiverUrl, solafonUpdate(900 + i, text))).status).toBe(200);
    }
    await server.api('inboxes.create', { name: 'copy' });
    page = await browser.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await page.goto(server.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('downloads an export and imports the file into another inbox', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.getByTestId('delivery-list').waitFor();
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-scope').selectOption('all');
    await page.getByTestId('export-start').click();
    const link = page.getByTestId('export-download');
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = await download.path();
    expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
    await page.keyboard.press('Escape');

    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(saved);
    await page.getByTestId('import-inbox').selectOption('copy');
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid="import-progress"][data-state="finished"]').waitFor();
    expect(await page.getByTestId('import-status').textContent()).toMatch(/3/);
    const copied = await server.api<{ total: number }>('deliveries.list', { inbox: 'copy' });
    expect(copied.total).toBe(3);
  });
});
