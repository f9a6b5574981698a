import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it, type TestContext } from 'vitest';
import { usePostgres } from '../support/postgres';
import { findChromium, launchChromium, NO_BROWSER_MESSAGE } from './support/browser';
import { postDelivery, solafonUpdate } from './support/deliveries';
import { type ServeProcess, startServe, tempDataDir } from './support/serve-process';

// Issue 10 in chromium: the UI connected to a team server with a personal
// token knows the person's role, and a viewer's Replay button is disabled
// with the role it needs.

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
const chromiumPath = findChromium();

/** `serve`, stopped and its data dir removed after the test. */
async function served(ctx: TestContext, args: string[] = []): Promise<ServeProcess> {
  const data = tempDataDir();
  const server = await startServe(data.dir, args);
  ctx.onTestFinished(async () => {
    await server.stop();
    data.remove();
  });
  return server;
}

/** A person on the team server, made with the CLI as an admin would; resolves to their token. */
async function addPerson(database: string, name: string, role: string): Promise<string> {
  const { stdout } = await run(process.execPath, [
    CLI,
    'users',
    'add',
    '--database',
    database,
    '--name',
    name,
    '--role',
    role,
  ]);
  const token = /^Token: (\S+)$/m.exec(stdout)?.[1];
  if (token === undefined) throw new Error(`users add printed no token:\n${stdout}`);
  return token;
}

async function browserPage(ctx: TestContext): Promise<Page> {
  if (!chromiumPath) {
    if (process.env.CI) throw new Error(NO_BROWSER_MESSAGE);
    return ctx.skip(NO_BROWSER_MESSAGE);
  }
  const browser = await launchChromium(chromiumPath);
  ctx.onTestFinished(() => browser.close());
  return browser.browser.newPage({ viewport: { width: 1400, height: 900 } });
}

/** Posts a delivery to the team server, opens it, and reads the Replay button as a viewer sees it. */
async function replayButtonOfNewDelivery(page: Page, team: ServeProcess, text: string) {
  expect((await postDelivery(team.receiverUrl, solafonUpdate(4100, text))).status).toBe(200);
  const row = page.locator('[data-testid="delivery-row"]', { hasText: text });
  await row.waitFor({ timeout: 10_000 });
  await row.click();
  const replay = page.locator('[data-testid="replay-button"][disabled]');
  await replay.waitFor({ timeout: 10_000 });
  return { title: await replay.getAttribute('title'), enabled: await replay.isEnabled() };
}

describe('the UI on a team server, as a viewer', () => {
  const pg = usePostgres();

  async function teamServer(ctx: TestContext) {
    const { url } = await pg.freshDatabase(ctx);
    const keys = tempDataDir();
    ctx.onTestFinished(() => keys.remove());
    const team = await served(ctx, ['--database', url, '--secret-key-file', join(keys.dir, 'team.key')]);
    return { team, database: url };
  }

  it('connects from the local app with a personal token and shows a viewer Replay disabled with the reason', async (ctx) => {
    const page = await browserPage(ctx);
    const { team, database } = await teamServer(ctx);
    const token = await addPerson(database, 'V', 'viewer');
    const local = await served(ctx);

    await page.goto(local.uiUrl);
    await expect.poll(() => page.getByTestId('workspace-label').textContent()).toBe('Local');
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('workspace-add-name').fill('Team');
    await page.getByTestId('workspace-add-url').fill(team.uiBase);
    await page.getByTestId('workspace-add-token').fill(token);
    await page.getByTestId('workspace-add-submit').click();

    const host = new URL(team.uiBase).host;
    await expect
      .poll(() => page.getByTestId('workspace-label').textContent(), { timeout: 10_000 })
      .toBe(`Team server ${host} · V (viewer)`);
    const replay = await replayButtonOfNewDelivery(page, team, 'seen by a viewer from the app');
    expect(replay.enabled).toBe(false);
    expect(replay.title).toBe('Needs the operator role (you are a viewer)');

    // The choice is remembered: a reload opens the team server again.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('workspace-label').textContent(), { timeout: 10_000 })
      .toBe(`Team server ${host} · V (viewer)`);
  });

  it("opens the team server's own page with a personal token and shows a viewer Replay disabled with the reason", async (ctx) => {
    const page = await browserPage(ctx);
    const { team, database } = await teamServer(ctx);
    const token = await addPerson(database, 'V', 'viewer');

    await page.goto(`${team.uiBase}/?token=${encodeURIComponent(token)}`);
    await expect
      .poll(() => page.getByTestId('workspace-label').textContent(), { timeout: 10_000 })
      .toBe(`Team server ${new URL(team.uiBase).host} · V (viewer)`);
    // A team server keeps no list of servers: there is nothing to switch to from its page.
    expect(await page.getByTestId('workspace-switcher').count()).toBe(0);
    const replay = await replayButtonOfNewDelivery(page, team, 'seen by a viewer on the server');
    expect(replay.enabled).toBe(false);
    expect(replay.title).toBe('Needs the operator role (you are a viewer)');
  });

  it('refuses to add an inspector for one person as a team server, saying why, and stays on Local', async (ctx) => {
    const page = await browserPage(ctx);
    const local = await served(ctx);
    const other = await served(ctx);

    await page.goto(local.uiUrl);
    await expect.poll(() => page.getByTestId('workspace-label').textContent()).toBe('Local');
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('workspace-add-name').fill('Not a team');
    await page.getByTestId('workspace-add-url').fill(other.uiBase);
    await page.getByTestId('workspace-add-token').fill(other.token);
    await page.getByTestId('workspace-add-submit').click();
    const error = page.getByTestId('workspace-add-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toBe(
      `${other.uiBase} is an inspector for one person, not a team server (serve --database postgres://…): open it in its own window instead.`,
    );
    expect(await page.getByTestId('workspace-item').count()).toBe(0);
    expect(await page.getByTestId('workspace-label').textContent()).toBe('Local');
  });
});
