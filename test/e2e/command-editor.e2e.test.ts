import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

const chromiumPath = findChromium();

/** CodeMirror under the page's Content-Security-Policy, and deleting with counts, in the built app. */
describe('the command editor and deletes in chromium', () => {
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

  const openUi = async (): Promise<{ page: Page; refused: string[] }> => {
    if (!browser || !server) throw new Error('not started');
    const page = await browser.browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    page.on('pageerror', (error) => refused.push(error.message));
    await page.goto(server.uiUrl);
    return { page, refused };
  };

  it('edits with CodeMirror styled and working under the CSP, marks a syntax error, and runs with a sample user', async (ctx) => {
    if (!chromiumPath || !server) return ctx.skip(NO_BROWSER_MESSAGE);
    const { page, refused } = await openUi();
    await page.getByTestId('nav-commands').click();
    const editor = page.getByTestId('command-body-editor');
    const content = editor.locator('.cm-content');
    await content.waitFor({ timeout: 10_000 });
    // CodeMirror's own styles applied (gutters are flex boxes), none of them refused by the CSP.
    expect(
      await editor
        .locator('.cm-gutters')
        .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).display),
    ).toBe('flex');
    expect(refused).toEqual([]);

    await content.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('res.json({ ok: true );');
    await editor.locator('.cm-lintRange-error').waitFor({ timeout: 5000 });

    await page.keyboard.press('Control+A');
    await page.keyboard.type("console.log('hi', user.id);\nres.status(201).json({ ok: true });");
    await editor.locator('.cm-lintRange-error').waitFor({ state: 'detached', timeout: 5000 });
    await page.getByTestId('try-user').fill('77');
    await page.getByTestId('try-run-button').click();
    await page.getByTestId('try-status').filter({ hasText: 'Answered 201' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('try-logs').textContent()).toBe('hi 77');
    // Typing over a selection makes Chrome's contenteditable wrap text in a styled span, which the CSP
    // refuses (and CodeMirror redraws anyway): only such style refusals may appear, no script errors.
    expect(refused.filter((text) => !text.startsWith('Applying inline style'))).toEqual([]);
    await page.close();
  });

  it('deletes a delivery from its detail and everything matching after a count, and the list follows', async (ctx) => {
    if (!chromiumPath || !server) return ctx.skip(NO_BROWSER_MESSAGE);
    for (let i = 1; i <= 4; i++) {
      expect((await postDelivery(server.receiverUrl, solafonUpdate(900 + i, `delete me ${i}`))).status).toBe(
        200,
      );
    }
    const { page, refused } = await openUi();
    const rows = page.getByTestId('delivery-row');
    await rows.nth(3).waitFor({ timeout: 10_000 });
    const before = await rows.count();

    await rows.filter({ hasText: 'delete me 2' }).click();
    await page.getByTestId('delete-delivery').click();
    await page.getByText(/^Delete delivery #\d+\?$/).waitFor();
    await page.getByTestId('delete-delivery-confirm').click();
    await rows.filter({ hasText: 'delete me 2' }).waitFor({ state: 'detached', timeout: 5000 });
    expect(await rows.count()).toBe(before - 1);

    await page.getByTestId('delete-matching').click();
    const question = page.getByTestId('delete-matching-question');
    await question.waitFor({ timeout: 5000 });
    expect(await question.textContent()).toBe(
      `Delete ${before - 1} deliveries in all inboxes? This cannot be undone.`,
    );
    await page.getByTestId('delete-matching-confirm').click();
    await page.getByTestId('empty-state').waitFor({ timeout: 5000 });
    expect(refused).toEqual([]);
    await page.close();
  });
});
