import type { Inbox } from '@contract';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../src-renderer/app/App';
import { createStores, startStores } from '../../../src-renderer/app/allStores';
import { APP_INFO } from './bots';
import { makeDetail, makePage } from './deliveries';
import { createFakeClient, type FakeClientOptions, type Handlers, settle } from './fakeClient';

export const makeInbox = (name: string): Inbox => ({
  name,
  createdAt: '2024-01-01T00:00:00.000Z',
  deliveryCount: 0,
  url: `http://127.0.0.1:8787/in/${name}`,
});

/**
 * The whole app over a fake client holding deliveries 1–3, started as
 * main.tsx starts it. Call `installFakeLayout()` in the test file, or the
 * virtualized list renders no rows.
 */
export async function renderApp(handlers: Handlers = {}, options: FakeClientOptions = {}) {
  const fake = createFakeClient({ ...baseHandlers(), ...handlers }, options);
  const stores = createStores(fake.client, { deliveries: { scheduleFrame: () => {} } });
  startStores(stores);
  render(<App stores={stores} />);
  await act(settle);
  return { fake, stores };
}

/** What an inspector holding deliveries 1–3 answers: enough for the whole app to render. */
export function baseHandlers(): Handlers {
  return {
    'app.info': () => APP_INFO,
    'inboxes.list': () => ({ items: [makeInbox('default'), makeInbox('shop')] }),
    'deliveries.list': () => ({ items: makePage(1, 3), total: 3 }),
    'deliveries.get': ({ id }) => makeDetail(id),
    'profiles.list': () => ({ items: [] }),
    'replay.attempts': () => ({ items: [] }),
    'replay.targets': () => ({ items: [] }),
    'export.list': () => ({ items: [] }),
    'app.status': () => ({
      engine: 'postgres',
      state: 'ok',
      reason: null,
      since: '2026-01-01T00:00:00.000Z',
    }),
    'links.defaults': () => ({ expiresIn: 7 * 24 * 3600 }),
  };
}

export const row = (id: number): HTMLElement => {
  const found = screen.getAllByTestId('delivery-row').find((item) => item.dataset.deliveryId === String(id));
  if (found === undefined) throw new Error(`No row for delivery #${id}`);
  return found;
};

/** Clicks a row open and waits for its detail. */
export async function openDelivery(id: number): Promise<void> {
  fireEvent.click(row(id));
  await act(settle);
}

export const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

export const change = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
