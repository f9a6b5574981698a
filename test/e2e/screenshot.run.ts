// `npm run screenshot`: regenerates docs/screenshot.png, the README's picture
// of the live list, from a real run in chromium.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { startServe, tempDataDir } from './support/serve-process';

const OUTPUT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

it('renders the live list for the README', async () => {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error(NO_BROWSER_MESSAGE);
  const data = tempDataDir();
  const server = await startServe(data.dir);
  const { browser, close } = await launchChromium(chromiumPath);
  try {
    const users = [
      { id: 42, name: 'Ada' },
      { id: 7, name: 'Grace' },
      { id: 1001, name: 'Linus' },
    ];
    const texts = ['/start', 'What can you do?', '/help', 'Order #1842 status', 'thanks!', '/settings'];
    for (let i = 0; i < 14; i++) {
      const user = users[i % users.length] ?? users[0];
      await postDelivery(
        server.receiverUrl,
        solafonUpdate(100 + i, texts[i % texts.length] ?? '/start', user),
      );
    }
    await postDelivery(server.receiverUrl, {
      update_id: 9001,
      message: {
        message_id: 5,
        from: { id: 5, is_bot: false, first_name: 'Telegram', last_name: 'User', username: 'tg_user' },
        chat: { id: 5, type: 'private' },
        date: 1704067200,
        text: 'hello from Telegram',
      },
    });
    await postDelivery(server.receiverUrl, solafonUpdate(104, 'thanks!', { id: 7, name: 'Grace' }));
    await postDelivery(server.receiverUrl, '{"update_id": 120, "text": ');

    const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, deviceScaleFactor: 1 });
    await page.goto(server.uiUrl);
    const row = page.locator('[data-testid="delivery-row"]', { hasText: 'hello from Telegram' });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.getByTestId('delivery-detail').getByRole('tab', { name: 'JSON' }).click();
    await page.getByTestId('json-tree').waitFor({ timeout: 5000 });
    await page.screenshot({ path: OUTPUT });
    const png = readFileSync(OUTPUT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  } finally {
    await close();
    await server.stop();
    data.remove();
  }
});
