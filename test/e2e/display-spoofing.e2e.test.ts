import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

const chromiumPath = findChromium();

const RLO = '\u202E';

/** A Telegram update from user 501 whose last name ends in a right-to-left override. */
const spoofingUpdate = {
  update_id: 77,
  message: {
    message_id: 1,
    from: { id: 501, is_bot: false, first_name: 'Ada', last_name: `Doe${RLO}`, language_code: 'en' },
    chat: { id: 501, type: 'private' },
    date: 1704067200,
    text: 'spoof check',
  },
};

/**
 * Where each character of `digits` is drawn, left to right on screen, found
 * in the first text node under `field` that holds them. Read from layout, not
 * from the DOM: an override changes only what the eye sees.
 */
function drawnLefts(field: Locator, digits: string): Promise<number[] | null> {
  // Runs in the page; this file is typed for Node, so the page's globals are reached through the element.
  return field.evaluate((root, wanted) => {
    const doc = root.ownerDocument;
    const walker = doc.createTreeWalker(root, doc.defaultView?.NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      return [...wanted].map((_, i) => {
        const range = doc.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        return range.getBoundingClientRect().left;
      });
    }
    return null;
  }, digits);
}

const unicodeBidi = (element: Locator) =>
  element.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).unicodeBidi);

describe('display spoofing in chromium', () => {
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

  it('keeps a right-to-left override in a last name inside the name: user id 501 still reads 501', async (ctx) => {
    if (!chromiumPath || !server || !browser) return ctx.skip(NO_BROWSER_MESSAGE);
    const page = await browser.browser.newPage();
    await page.goto(server.uiUrl);
    await page.getByTestId('empty-state').waitFor({ timeout: 10_000 });
    expect((await postDelivery(server.receiverUrl, spoofingUpdate)).status).toBe(200);

    const row = page.locator('[data-testid="delivery-row"]', { hasText: 'spoof check' });
    await row.waitFor({ timeout: 5000 });
    const name = row.locator('.cell-user bdi');
    expect(await name.textContent()).toBe(`Ada Doe${RLO}`);
    expect(await unicodeBidi(name)).toBe('isolate');

    await row.click();
    const user = page.getByTestId('detail-summary').locator('dt:text-is("User") + dd');
    await user.waitFor({ timeout: 5000 });
    // Shown, not obeyed: the override is a visible marker inside the name's own island.
    expect(await user.innerText()).toBe('Ada Doe⟨U+202E⟩ · id 501 · lang en');
    expect(await unicodeBidi(user.locator('bdi').first())).toBe('isolate');
    const lefts = await drawnLefts(user, '501');
    expect(lefts).not.toBeNull();
    const [five, zero, one] = lefts as number[];
    expect(five).toBeLessThan(zero as number);
    expect(zero).toBeLessThan(one as number);
    await page.close();
  });
});
