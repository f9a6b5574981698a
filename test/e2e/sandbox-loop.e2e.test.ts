import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../core/sandbox/hook-server';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// Issue 3's check, as a user would do it: web mode, a fresh data dir, no network.
const chromiumPath = findChromium();

interface Info {
  url: string;
  pendingUpdateCount: number | null;
  lastErrorMessage: string | null;
}

describe('the sandbox loop in chromium', () => {
  const data = tempDataDir();
  let server: ServeProcess | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  let page: Page;
  let profileId = 0;

  beforeAll(async () => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return;
    }
    browser = await launchChromium(chromiumPath);
    server = await startServe(data.dir);
    const profiles = await server.api<{ items: Array<{ id: number; sandbox: boolean }> }>('profiles.list');
    profileId = profiles.items.find((p) => p.sandbox)?.id ?? 0;
    page = await browser.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const info = () => {
    if (!server) throw new Error('not started');
    return server.api<Info>('webhook.info', { profileId });
  };

  it('has the sandbox profile, and a simulated user message reaches the deliveries list', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    expect(profileId).toBeGreaterThan(0);
    await page.getByTestId('nav-sandbox').click();
    await page.getByTestId('sandbox-panel').waitFor();
    await page.getByTestId('sandbox-user-id').fill('77');
    await page.getByTestId('sandbox-user-name').fill('Grace');
    await page.getByTestId('sandbox-text').fill('hello bot');
    await page.getByTestId('sandbox-send').click();
    await page
      .locator('[data-testid="chat-message"][data-sender="user"]', { hasText: 'hello bot' })
      .waitFor();
    await page.getByTestId('nav-deliveries').click();
    await page.locator('[data-testid="delivery-row"]', { hasText: 'hello bot' }).waitFor({ timeout: 5000 });
  });

  it('"Reply" sends a message that shows in the sandbox chat', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.locator('[data-testid="delivery-row"]', { hasText: 'hello bot' }).click();
    await page.getByTestId('reply-button').click();
    await page.getByTestId('compose-panel').waitFor();
    expect(await page.getByTestId('compose-chat-id').inputValue()).toBe('77');
    await page.getByTestId('compose-text').fill('Hi Grace, welcome!');
    await page.getByTestId('compose-send').click();
    await page.locator('[data-testid="sent-reply"]', { hasText: 'Hi Grace, welcome!' }).waitFor();
    await page.getByTestId('nav-sandbox').click();
    await page
      .locator('[data-testid="chat-message"][data-sender="bot"]', { hasText: 'Hi Grace, welcome!' })
      .waitFor();
  });

  it('deleting and setting the webhook from the UI changes getWebhookInfo', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.getByTestId('nav-webhook').click();
    await page.getByTestId('webhook-panel').waitFor();
    await page.getByTestId('webhook-delete').click();
    await expect.poll(async () => (await info()).url, { timeout: 5000 }).toBe('');
    await page.getByTestId('webhook-url').fill(`${server.receiverUrl}/webhook`);
    await page.getByTestId('webhook-set').click();
    await expect
      .poll(async () => (await info()).url, { timeout: 5000 })
      .toBe(`${server.receiverUrl}/webhook`);
    await expect
      .poll(async () => page.getByTestId('webhook-info-url').textContent(), { timeout: 5000 })
      .toContain(`${server.receiverUrl}/webhook`);
  });

  it('a closed port makes pending grow and the Logs show failed attempts; pointing back drains in order', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    const closed = await closedPortUrl();
    await page.getByTestId('webhook-url').fill(closed);
    await page.getByTestId('webhook-set').click();
    await expect.poll(async () => (await info()).url, { timeout: 5000 }).toBe(closed);
    for (const text of ['queued one', 'queued two', 'queued three']) {
      await server.api('sandbox.say', { userId: 88, name: 'Linus', text });
    }
    await expect.poll(async () => (await info()).pendingUpdateCount, { timeout: 5000 }).toBe(3);
    await expect
      .poll(async () => page.getByTestId('webhook-pending').textContent(), { timeout: 8000 })
      .toContain('3');
    await page.getByTestId('nav-logs').click();
    await page.getByTestId('logs-refresh').click();
    await page
      .locator('[data-testid="log-row"]', { hasText: 'Connection refused' })
      .first()
      .waitFor({ timeout: 5000 });

    await page.getByTestId('nav-webhook').click();
    await page.getByTestId('webhook-url').fill(`${server.receiverUrl}/webhook`);
    await page.getByTestId('webhook-set').click();
    await expect.poll(async () => (await info()).pendingUpdateCount, { timeout: 10_000 }).toBe(0);
    const list = await server.api<{ items: Array<{ summary: { text: string | null } }> }>('deliveries.list', {
      limit: 10,
    });
    const texts = list.items.map((i) => i.summary.text).filter((t) => t?.startsWith('queued'));
    // Newest first in the list: delivered in the order they were written.
    expect(texts).toEqual(['queued three', 'queued two', 'queued one']);
  });
});
