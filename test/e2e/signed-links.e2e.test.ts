import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// Issue 4's check in chromium: a link generated in the UI for a user seen in a
// delivery runs its command, whose reply shows in the sandbox chat; the
// invocation is listed; a link with a redirect lands on its target.
const chromiumPath = findChromium();

async function setValue(field: Locator, value: string): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') await field.selectOption(value);
  else await field.fill(value);
}

describe('signed links in chromium', () => {
  const data = tempDataDir();
  let server: ServeProcess | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    if (!chromiumPath) {
      if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
      return;
    }
    browser = await launchChromium(chromiumPath);
    server = await startServe(data.dir);
    context = await browser.browser.newContext({ viewport: { width: 1400, height: 900 } });
    // The redirect target is outside: answer it here, the machine has no network.
    await context.route('https://target.example/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>landed</h1>' }),
    );
    page = await context.newPage();
    await page.goto(server.uiUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const generate = async (redirect?: string, command = 'hello'): Promise<string> => {
    await page.getByTestId('nav-links').click();
    await page.getByTestId('links-panel').waitFor();
    await expect.poll(() => page.getByTestId('link-user').inputValue(), { timeout: 5000 }).toBe('55');
    await setValue(page.getByTestId('link-command'), command);
    await page.getByTestId('link-redirect').fill(redirect ?? '');
    await page.getByTestId('link-generate').click();
    await expect
      .poll(async () => (await page.getByTestId('link-url').textContent()) ?? '', { timeout: 5000 })
      .toContain(redirect ? 'redirect=' : '/ownlang/webhook/');
    await page.getByTestId('link-qr').waitFor();
    return ((await page.getByTestId('link-url').textContent()) ?? '').trim();
  };

  it('generates a link for a user seen in a delivery, opens it, and the command replies in the sandbox chat', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await server.api('sandbox.say', { userId: 55, name: 'Grace', text: 'hi there' });
    const row = page.locator('[data-testid="delivery-row"]', { hasText: 'hi there' });
    await row.waitFor({ timeout: 5000 });
    await row.click();
    await page.getByTestId('delivery-detail').waitFor();

    const url = await generate();
    expect(url.startsWith(`${server.receiverUrl}/ownlang/webhook/`)).toBe(true);
    const [opened] = await Promise.all([context.waitForEvent('page'), page.getByTestId('link-open').click()]);
    await opened.waitForLoadState();
    expect(await opened.textContent('body')).toContain('"ok":true');
    await opened.close();

    await page.getByTestId('nav-sandbox').click();
    await page.getByTestId('sandbox-user-id').fill('55');
    await page
      .locator('[data-testid="chat-message"][data-sender="bot"]', { hasText: 'Hello, Grace!' })
      .waitFor({ timeout: 5000 });

    await page.getByTestId('nav-deliveries').click();
    const invocation = page.locator('[data-testid="delivery-row"]', { hasText: 'hello' }).first();
    await invocation.waitFor({ timeout: 5000 });
    await invocation.click();
    await page.getByRole('tab', { name: 'Invocation' }).click();
    await expect
      .poll(async () => (await page.getByTestId('invocation-sent').textContent()) ?? '', { timeout: 5000 })
      .toContain('Hello, Grace!');
  });

  it('a link with a redirect lands on its target', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.getByTestId('nav-deliveries').click();
    // A command that sets no response: the link's signed redirect is the answer.
    await server.api('commands.save', { name: 'thanks', body: "Api.sendMessage({ text: 'Thanks!' });" });
    await page.locator('[data-testid="delivery-row"]', { hasText: 'hi there' }).click();
    await generate('https://target.example/landed', 'thanks');
    const [opened] = await Promise.all([context.waitForEvent('page'), page.getByTestId('link-open').click()]);
    await opened.waitForURL('https://target.example/landed', { timeout: 5000 });
    expect(await opened.textContent('h1')).toBe('landed');
    await opened.close();
  });

  it('the verifier says valid, or which check failed', async (ctx) => {
    if (!server) return ctx.skip(NO_BROWSER_MESSAGE);
    await page.getByTestId('nav-links').click();
    const url = ((await page.getByTestId('link-url').textContent()) ?? '').trim();
    await page.getByTestId('verify-input').fill(url);
    await page.getByTestId('verify-run').click();
    await expect
      .poll(() => page.getByTestId('verify-result').getAttribute('data-valid'), { timeout: 5000 })
      .toBe('true');
    await page.getByTestId('verify-input').fill(url.replace('user=55', 'user=56'));
    await page.getByTestId('verify-run').click();
    await expect
      .poll(() => page.getByTestId('verify-result').getAttribute('data-valid'), { timeout: 5000 })
      .toBe('false');
    expect(await page.getByTestId('verify-result').textContent()).toContain('bad-signature');
  });
});
