import { type AppInfo, ContractError, type Inbox } from '@contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { createStores, startStores } from '../../../src-renderer/app/allStores';
import { clearToasts } from '../../../src-renderer/components/toast/toastStore';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

const INFO: AppInfo = {
  version: '0.1.0',
  receiverUrl: 'http://127.0.0.1:8787',
  dataDir: '/tmp/bwi',
  maxBodyBytes: 1_048_576,
  durability: 'full',
  defaultInbox: 'default',
};

const inbox = (name: string): Inbox => ({
  name,
  createdAt: '2024-01-01T00:00:00.000Z',
  deliveryCount: 0,
  url: `http://127.0.0.1:8787/webhook/${name}`,
});

/** The whole app over a fake server that holds a list of inbox names. */
async function setup(handlers: Handlers = {}) {
  const names = ['default'];
  const fake = createFakeClient({
    'app.info': () => INFO,
    'inboxes.list': () => ({ items: names.map(inbox) }),
    'inboxes.create': ({ name }) => {
      if (names.includes(name))
        throw new ContractError('conflict', `An inbox named "${name}" already exists.`);
      names.push(name);
      return inbox(name);
    },
    'deliveries.list': () => ({ items: [], total: 0 }),
    ...handlers,
  });
  const stores = createStores(fake.client, { deliveries: { scheduleFrame: () => {} } });
  startStores(stores);
  render(<App stores={stores} />);
  await act(settle);
  return { fake, stores };
}

function openForm() {
  fireEvent.click(screen.getByTestId('new-inbox-button'));
  return screen.getByTestId('new-inbox-input') as HTMLInputElement;
}

async function submit(name: string) {
  fireEvent.change(openForm(), { target: { value: name } });
  fireEvent.click(screen.getByTestId('new-inbox-submit'));
  await act(settle);
}

installFakeLayout();
afterEach(() => {
  cleanup();
  clearToasts();
  vi.useRealTimers();
});

describe('New inbox', () => {
  it('creates the inbox, switches the filter to it and shows its URL', async () => {
    const { fake } = await setup();
    const input = openForm();
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'shop' } });
    fireEvent.submit(input.form as HTMLFormElement);
    await act(settle);

    expect(fake.calls('inboxes.create').map((call) => call.input)).toEqual([{ name: 'shop' }]);
    expect(screen.queryByTestId('new-inbox-input')).toBeNull();
    const select = screen.getByTestId('inbox-filter') as HTMLSelectElement;
    expect(select.value).toBe('shop');
    expect(fake.calls('deliveries.list').at(-1)?.input).toEqual({ limit: 200, inbox: 'shop' });
    expect(screen.getByTestId('new-inbox-url').textContent).toBe('http://127.0.0.1:8787/webhook/shop');

    // The store's own reload and the server's event both re-read the list: still one "shop".
    fake.emit('inboxes.changed', {});
    await act(settle);
    expect([...select.options].map((option) => option.value)).toEqual(['', 'default', 'shop']);

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(screen.queryByTestId('new-inbox-url')).toBeNull();
  });

  it('says so in a toast that fades by itself, in a live region, and covers no tab', async () => {
    await setup();
    vi.useFakeTimers();
    fireEvent.change(openForm(), { target: { value: 'shop' } });
    fireEvent.click(screen.getByTestId('new-inbox-submit'));
    await act(() => vi.advanceTimersByTimeAsync(1));
    const created = screen.getByTestId('new-inbox-created');
    expect(created.getAttribute('role')).toBe('status');
    expect(created.closest('[aria-live="polite"]')).not.toBeNull();
    // Not anchored in the header as a popover any more: nothing there to catch clicks.
    expect(document.querySelector('.new-inbox-popover')).toBeNull();
    expect(created.textContent).toContain('http://127.0.0.1:8787/webhook/shop');

    act(() => vi.advanceTimersByTime(10_000));
    expect(created.className).toContain('toast-leaving');
    act(() => vi.advanceTimersByTime(400));
    expect(screen.queryByTestId('new-inbox-created')).toBeNull();
  });

  it("shows the server's refusal next to the input and keeps the form open", async () => {
    const { fake } = await setup();
    await submit('default');
    expect(fake.calls('inboxes.create')).toHaveLength(1);
    expect(screen.getByTestId('new-inbox-error').textContent).toBe(
      'An inbox named "default" already exists.',
    );
    expect((screen.getByTestId('new-inbox-input') as HTMLInputElement).value).toBe('default');
    expect((screen.getByTestId('inbox-filter') as HTMLSelectElement).value).toBe('');

    // Editing the name clears the stale message.
    fireEvent.change(screen.getByTestId('new-inbox-input'), { target: { value: 'default2' } });
    expect(screen.queryByTestId('new-inbox-error')).toBeNull();
  });

  it('refuses a name outside the rule without calling the server, and says why', async () => {
    const { fake } = await setup();
    await submit('my shop');
    const hint = document.getElementById(
      screen.getByTestId('new-inbox-input').getAttribute('aria-describedby') ?? '',
    );
    expect(hint?.textContent).toBe('1–64 letters, digits, "_" or "-"');
    expect(screen.getByTestId('new-inbox-error').textContent).toBe(
      'Only letters, digits, "_" or "-": “ ” is not allowed.',
    );
    fireEvent.change(screen.getByTestId('new-inbox-input'), { target: { value: 'x'.repeat(65) } });
    fireEvent.click(screen.getByTestId('new-inbox-submit'));
    await act(settle);
    expect(screen.getByTestId('new-inbox-error').textContent).toBe(
      'At most 64 characters; this name has 65.',
    );
    expect(fake.calls('inboxes.create')).toHaveLength(0);
  });

  it('closes on Escape and gives focus back to the button', async () => {
    await setup();
    const input = openForm();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('new-inbox-input')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('new-inbox-button'));

    // From the button while the form is open; after creating, focus is back on the button too.
    openForm();
    fireEvent.keyDown(screen.getByTestId('new-inbox-button'), { key: 'Escape' });
    expect(screen.queryByTestId('new-inbox-input')).toBeNull();
    await submit('shop');
    expect(document.activeElement).toBe(screen.getByTestId('new-inbox-button'));
  });

  it('shows a failed call instead of swallowing it', async () => {
    await setup({
      'inboxes.create': () => {
        throw new ContractError('unavailable', 'Cannot reach the inspector at http://127.0.0.1:5173');
      },
    });
    await submit('shop');
    expect(screen.getByTestId('new-inbox-error').textContent).toBe(
      'Cannot reach the inspector at http://127.0.0.1:5173',
    );
    expect((screen.getByTestId('new-inbox-submit') as HTMLButtonElement).disabled).toBe(false);
  });
});
