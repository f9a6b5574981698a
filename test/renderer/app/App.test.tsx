import type { AppInfo, Inbox } from '@contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src-renderer/api';
import { createClient } from '../../../src-renderer/api/client';
import { createWebTransport } from '../../../src-renderer/api/webTransport';
import { App } from '../../../src-renderer/app/App';
import { createStores, type Stores, startStores } from '../../../src-renderer/app/allStores';
import { makeDetail, makeItem } from '../support/deliveries';
import { createFakeClient, createManualFrames, settle } from '../support/fakeClient';
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
  url: `http://127.0.0.1:8787/in/${name}`,
});

function storesFor(client: ApiClient, scheduleFrame: (callback: () => void) => void): Stores {
  return createStores(client, { deliveries: { scheduleFrame } });
}

installFakeLayout();
afterEach(cleanup);

describe('App', () => {
  it('guides a new user with the real inbox URL, then shows the first delivery live', async () => {
    const fake = createFakeClient({
      'app.info': () => INFO,
      'inboxes.list': () => ({ items: [inbox('default'), inbox('shop')] }),
      'deliveries.list': () => ({ items: [], total: 0 }),
      'deliveries.get': ({ id }) => makeDetail(id),
    });
    const frames = createManualFrames();
    const stores = storesFor(fake.client, frames.schedule);
    startStores(stores);
    render(<App stores={stores} />);
    await act(settle);

    expect(screen.getByTestId('receiver-url').textContent).toContain('http://127.0.0.1:8787');
    expect(screen.getByTestId('connection-status').textContent).toBe('Live');
    expect(screen.getByTestId('empty-state-command').textContent).toBe(
      `curl -X POST http://127.0.0.1:8787/in/default -H 'Content-Type: application/json' -d '{"update_id":1,"message_id":1,"from":{"id":42,"name":"Ada","language":"en"},"chat":{"id":42,"type":"private"},"date":1704067200,"text":"/start"}'`,
    );
    expect(screen.getByTestId('empty-state').textContent).toMatch(/appear here live/);

    fake.emit('delivery.added', { items: [makeItem(1)] });
    act(() => frames.run());
    expect(screen.queryByTestId('empty-state')).toBeNull();
    const row = screen.getByTestId('delivery-row');
    expect(row.dataset.deliveryId).toBe('1');
    expect(screen.getByTestId('delivery-count').textContent).toContain('1 delivery');

    fireEvent.click(row);
    await act(settle);
    expect(screen.getByTestId('delivery-detail').textContent).toContain('#1');
    expect(screen.getByTestId('copy-as-curl')).toBeTruthy();
  });

  it('filters by inbox from the header', async () => {
    const fake = createFakeClient({
      'app.info': () => INFO,
      'inboxes.list': () => ({ items: [inbox('default'), inbox('shop')] }),
      'deliveries.list': (input) => ({
        items: input.inbox === 'shop' ? [makeItem(2, { inbox: 'shop' })] : [makeItem(1)],
        total: 1,
      }),
    });
    const stores = storesFor(fake.client, () => {});
    startStores(stores);
    render(<App stores={stores} />);
    await act(settle);
    const select = screen.getByTestId('inbox-filter') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'All inboxes',
      'default',
      'shop',
    ]);
    fireEvent.change(select, { target: { value: 'shop' } });
    await act(settle);
    expect(fake.calls('deliveries.list').at(-1)?.input).toEqual({ limit: 200, inbox: 'shop' });
    expect(screen.getByTestId('delivery-row').dataset.deliveryId).toBe('2');
  });

  it('refreshes the inbox list on inboxes.changed', async () => {
    let names = ['default'];
    const fake = createFakeClient({
      'app.info': () => INFO,
      'inboxes.list': () => ({ items: names.map(inbox) }),
      'deliveries.list': () => ({ items: [], total: 0 }),
    });
    const stores = storesFor(fake.client, () => {});
    startStores(stores);
    render(<App stores={stores} />);
    await act(settle);
    names = ['default', 'new'];
    fake.emit('inboxes.changed', {});
    await act(settle);
    const select = screen.getByTestId('inbox-filter') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['', 'default', 'new']);
  });

  it('shows a failed call where it happened, with a retry', async () => {
    let fail = true;
    const fake = createFakeClient({
      'app.info': () => INFO,
      'inboxes.list': () => ({ items: [] }),
      'deliveries.list': () => {
        if (fail) throw new Error('Cannot reach the inspector at http://127.0.0.1:5173: Failed to fetch');
        return { items: [makeItem(1)], total: 1 };
      },
    });
    const stores = storesFor(fake.client, () => {});
    startStores(stores);
    render(<App stores={stores} />);
    await act(settle);
    expect(screen.getByTestId('list-error').textContent).toContain('Cannot reach the inspector');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await act(settle);
    expect(screen.queryByTestId('list-error')).toBeNull();
    expect(screen.getByTestId('delivery-row')).toBeTruthy();
  });

  describe('over the web bridge with a wrong token', () => {
    beforeEach(() => {
      window.sessionStorage.clear();
      window.history.replaceState(null, '', '/?token=wrong');
    });

    it('replaces the whole page with how to get a working link', async () => {
      const client = createClient(
        createWebTransport({
          location: window.location,
          history: window.history,
          storage: window.sessionStorage,
          fetch: async () =>
            new Response(JSON.stringify({ error: 'unauthorized', message: 'Wrong token.' }), { status: 401 }),
          openSocket: () => ({ onopen: null, onmessage: null, onclose: null, close() {} }),
          setTimeout: () => 0,
          clearTimeout: () => {},
        }),
      );
      const stores = storesFor(client, () => {});
      startStores(stores);
      render(<App stores={stores} />);
      await act(settle);
      const page = screen.getByTestId('auth-required');
      expect(page.textContent).toMatch(/token is missing or wrong/);
      expect(page.textContent).toContain('npm run serve');
      expect(screen.queryByTestId('delivery-list')).toBeNull();
    });
  });
});
