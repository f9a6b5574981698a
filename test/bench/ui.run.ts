// The UI under 1,000 deliveries a second: chromium with a longtask observer,
// the list live the whole time; no main-thread task may take over 50 ms.
import { it } from 'vitest';
import { findChromium, launchChromium } from '../e2e/support/browser';
import { fixedRate } from './lib/load';
import { report } from './lib/report';
import { inspector } from './lib/servers';

const seconds = Number(process.env.SECONDS ?? 10);

it('the UI keeps up with 1,000 deliveries a second', async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error('chromium is needed (apt-get install chromium, or CHROMIUM_PATH)');
  const server = await inspector();
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (globalThis as unknown as { __longTasks: number[] }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' as never, buffered: true });
    });
    await page.goto(server.uiUrl);
    await page.getByTestId('empty-state').waitFor({ timeout: 15_000 });
    // Only what happens while deliveries pour in counts, not the page's own start.
    await page.evaluate(() => {
      (globalThis as unknown as { __longTasks: number[] }).__longTasks.length = 0;
    });
    const load = await fixedRate(server.url, { rate: 1000, seconds, connections: 20 });
    const stored = (await server.api<{ total: number }>('deliveries.list', { limit: 1 })).total;
    // Kept up: the header counts every stored delivery within a second of the last one.
    const shown = await page
      .getByTestId('delivery-count')
      .filter({ hasText: `${stored.toLocaleString('en-US')} deliveries` })
      .waitFor({ timeout: 1000 })
      .then(() => true)
      .catch(() => false);
    const tasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks);
    const longest = Math.round(Math.max(0, ...tasks));
    report(
      'the UI at 1,000 deliveries a second',
      {
        sent: load.requests,
        stored,
        shownWithinASecond: shown,
        longTasks: tasks.length,
        longestTaskMs: longest,
      },
      [
        {
          name: 'longest main-thread task while deliveries arrive',
          actual: longest,
          op: '<=',
          limit: 50,
          unit: ' ms',
        },
        { name: 'list caught up within a second (1 = yes)', actual: shown ? 1 : 0, op: '>=', limit: 1 },
      ],
    );
  } finally {
    await browser.close();
    await server.stop();
  }
});
