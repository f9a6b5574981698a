import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { createStores, startStores } from '../../../src-renderer/app/allStores';
import { APP_INFO, makeProfile, makeWebhookInfo, SANDBOX_INFO, SANDBOX_PROFILE } from '../support/bots';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { makeCommand, makeInvocationDetail } from '../support/links';

installFakeLayout();
afterEach(cleanup);

async function setup(handlers: Handlers = {}) {
  const fake = createFakeClient({
    'app.info': () => APP_INFO,
    'inboxes.list': () => ({ items: [] }),
    'deliveries.list': () => ({ items: [], total: 0 }),
    'profiles.list': () => ({ items: [makeProfile(2, { name: 'Shop' }), SANDBOX_PROFILE] }),
    'webhook.info': () => makeWebhookInfo({ url: 'http://127.0.0.1:8787/webhook' }),
    'messages.history': () => ({ items: [] }),
    'logs.list': () => ({ items: [] }),
    'sandbox.info': () => SANDBOX_INFO,
    'sandbox.chats': () => ({ items: [] }),
    'sandbox.messages': () => ({ items: [] }),
    'commands.list': () => ({ items: [makeCommand('syncGameData')] }),
    'links.keys': () => ({ items: [] }),
    ...handlers,
  });
  const stores = createStores(fake.client, { deliveries: { scheduleFrame: () => {} } });
  startStores(stores);
  render(<App stores={stores} />);
  await act(settle);
  return { fake, stores };
}

const PANELS = ['webhook', 'compose', 'logs', 'sandbox', 'commands', 'links'] as const;

describe('App navigation', () => {
  it('opens on Deliveries and switches between the views', async () => {
    await setup();
    expect(screen.getByTestId('nav-deliveries').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('empty-state')).toBeTruthy();
    for (const panel of PANELS) {
      fireEvent.click(screen.getByTestId(`nav-${panel}`));
      await act(settle);
      expect(screen.getByTestId(`${panel}-panel`)).toBeTruthy();
      expect(screen.getByTestId(`nav-${panel}`).getAttribute('aria-current')).toBe('page');
      expect(screen.queryByTestId('delivery-list')).toBeNull();
    }
    fireEvent.click(screen.getByTestId('nav-deliveries'));
    expect(screen.getByTestId('empty-state')).toBeTruthy();
    expect(screen.queryByTestId('sandbox-panel')).toBeNull();
  });

  it('gives the panels the profile picked in the header, the sandbox first', async () => {
    const { fake } = await setup();
    expect((screen.getByTestId('profile-select') as HTMLSelectElement).value).toBe('1');
    fireEvent.click(screen.getByTestId('nav-webhook'));
    await act(settle);
    expect(fake.calls('webhook.check').at(-1)?.input).toEqual({ profileId: 1 });
    // The sandbox's own receiver over http is offered and allowed.
    expect((screen.getByTestId('webhook-url') as HTMLInputElement).value).toBe(
      'http://127.0.0.1:8787/webhook',
    );
    expect(screen.getByTestId('webhook-sandbox-note')).toBeTruthy();

    fireEvent.change(screen.getByTestId('profile-select'), { target: { value: '2' } });
    await act(settle);
    expect(fake.calls('webhook.check').at(-1)?.input).toEqual({ profileId: 2 });
    expect(screen.queryByTestId('webhook-sandbox-note')).toBeNull();
    expect((screen.getByTestId('webhook-url') as HTMLInputElement).value).toBe('');
  });

  it("offers the selected delivery's user in Signed links, and the saved commands", async () => {
    const invocation = makeInvocationDetail(3);
    const { stores } = await setup({
      'deliveries.list': () => ({ items: [invocation], total: 1 }),
      'deliveries.get': () => invocation,
    });
    act(() => stores.selection.getState().open(3));
    await act(settle);
    fireEvent.click(screen.getByTestId('nav-links'));
    await act(settle);
    expect((screen.getByTestId('link-user') as HTMLInputElement).value).toBe('123');
    const list = (screen.getByTestId('link-command') as HTMLInputElement).list;
    expect(list?.querySelector('option')?.value).toBe('syncGameData');
    // Back to Commands: the list is the same store, still following commands.changed.
    fireEvent.click(screen.getByTestId('nav-commands'));
    await act(settle);
    expect(screen.getAllByTestId('command-item').map((item) => item.dataset.name)).toEqual(['syncGameData']);
  });

  it('says so when there is no profile to work with', async () => {
    await setup({ 'profiles.list': () => ({ items: [] }) });
    fireEvent.click(screen.getByTestId('nav-logs'));
    expect(screen.getByText(/No bot profile yet/)).toBeTruthy();
    expect(screen.queryByTestId('logs-panel')).toBeNull();
  });
});
