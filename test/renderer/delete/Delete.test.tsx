import type { Inbox } from '@contract';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { createStores, startStores } from '../../../src-renderer/app/allStores';
import { baseHandlers, change, makeInbox, openDelivery, row } from '../support/app';
import { createFakeClient, type Handlers, refuse, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { makeInboxSettings } from '../support/replay';
import { teamWhoami } from '../support/team';

installFakeLayout();
afterEach(cleanup);

const inbox = (name: string, deliveryCount: number): Inbox => ({ ...makeInbox(name), deliveryCount });

/** The app over a fake inspector holding deliveries 1–3; frames run at once, so pushed events show. */
async function renderDeleting(handlers: Handlers = {}) {
  const fake = createFakeClient({
    ...baseHandlers(),
    'inboxes.list': () => ({ items: [inbox('default', 3), inbox('shop', 5)] }),
    'inboxes.settings': ({ inbox: name }) => makeInboxSettings({ inbox: name }),
    'app.storage': () => ({
      databaseBytes: 1_000_000,
      walBytes: 0,
      deliveries: 8,
      exportsBytes: 0,
      uploadsBytes: 0,
      transferQuotaBytes: 2 ** 31,
    }),
    ...handlers,
  });
  const stores = createStores(fake.client, { deliveries: { scheduleFrame: (callback) => callback() } });
  startStores(stores);
  render(<App stores={stores} />);
  await act(settle);
  return { fake, stores };
}

const rowIds = () => screen.queryAllByTestId('delivery-row').map((r) => Number(r.dataset.deliveryId));
const countText = () => screen.getByTestId('delivery-count').textContent ?? '';

describe('Deleting', () => {
  it('deletes the open delivery after a confirm naming it; the row and the detail go when the server says so', async () => {
    const { fake } = await renderDeleting({
      'deliveries.delete': ({ deliveryIds }) => ({ deleted: deliveryIds.length }),
    });
    await openDelivery(2);
    fireEvent.click(screen.getByTestId('delete-delivery'));
    expect(screen.getByText('Delete delivery #2?')).toBeTruthy();
    expect(fake.calls('deliveries.delete')).toEqual([]);
    fireEvent.click(screen.getByTestId('delete-delivery-confirm'));
    await act(settle);
    expect(fake.calls('deliveries.delete').map((c) => c.input)).toEqual([{ deliveryIds: [2] }]);
    expect(screen.getByTestId('delete-notice').textContent).toContain('Deleted 1 delivery.');

    act(() => fake.emit('deliveries.deleted', { ids: [2] }));
    expect(rowIds()).toEqual([3, 1]);
    expect(countText()).toContain('2 deliveries');
    expect(screen.getByTestId('delivery-detail').textContent).toContain('Select a delivery');
  });

  it('deletes the ticked rows, naming how many, and clears the selection', async () => {
    const { fake } = await renderDeleting({
      'deliveries.delete': ({ deliveryIds }) => ({ deleted: deliveryIds.length }),
    });
    fireEvent.click(within(row(1)).getByTestId('row-select'));
    fireEvent.click(within(row(3)).getByTestId('row-select'));
    fireEvent.click(screen.getByTestId('delete-selected'));
    expect(screen.getByText('Delete 2 deliveries?')).toBeTruthy();
    fireEvent.click(screen.getByTestId('delete-selected-confirm'));
    await act(settle);
    expect(fake.calls('deliveries.delete').map((c) => c.input)).toEqual([{ deliveryIds: [1, 3] }]);
    expect(screen.queryByTestId('selection-count')).toBeNull();
    // Deleted elsewhere (another window, another replica): dropped just the same.
    act(() => fake.emit('deliveries.deleted', { ids: [1, 3] }));
    expect(rowIds()).toEqual([2]);
    expect(countText()).toContain('1 delivery');
  });

  it('counts what the filter matches on the server before deleting it, and deletes up to what was counted', async () => {
    const { fake, stores } = await renderDeleting({
      'deliveries.countMatching': () => ({ count: 1234, upToId: 3 }),
      'deliveries.deleteMatching': () => ({ deleted: 1234 }),
    });
    act(() => stores.deliveries.getState().setFilter({ problem: 'duplicate' }));
    await act(settle);
    fireEvent.click(screen.getByTestId('delete-matching'));
    await act(settle);
    expect(fake.calls('deliveries.countMatching').map((c) => c.input)).toEqual([
      { filter: { problem: 'duplicate' } },
    ]);
    expect(screen.getByTestId('delete-matching-question').textContent).toBe(
      'Delete 1,234 deliveries matching? This cannot be undone.',
    );
    expect(fake.calls('deliveries.deleteMatching')).toEqual([]);
    fireEvent.click(screen.getByTestId('delete-matching-confirm'));
    await act(settle);
    expect(fake.calls('deliveries.deleteMatching').map((c) => c.input)).toEqual([
      { filter: { problem: 'duplicate' }, upToId: 3 },
    ]);
    expect(screen.getByTestId('delete-notice').textContent).toContain('Deleted 1,234 deliveries.');
    expect(screen.queryByTestId('delete-matching-question')).toBeNull();
  });

  it('backs out of a delete by filter with Keep, deleting nothing', async () => {
    const { fake } = await renderDeleting({ 'deliveries.countMatching': () => ({ count: 3, upToId: 3 }) });
    fireEvent.click(screen.getByTestId('delete-matching'));
    await act(settle);
    expect(screen.getByTestId('delete-matching-question').textContent).toBe(
      'Delete 3 deliveries in all inboxes? This cannot be undone.',
    );
    fireEvent.click(screen.getByTestId('delete-matching-cancel'));
    expect(screen.queryByTestId('delete-matching-question')).toBeNull();
    expect(fake.calls('deliveries.deleteMatching')).toEqual([]);
  });

  it('drops a count made under another filter: it says nothing about the new one', async () => {
    const { stores } = await renderDeleting({ 'deliveries.countMatching': () => ({ count: 3, upToId: 3 }) });
    fireEvent.click(screen.getByTestId('delete-matching'));
    await act(settle);
    expect(screen.getByTestId('delete-matching-question')).toBeTruthy();
    act(() => stores.deliveries.getState().setFilter({ inbox: 'shop' }));
    await act(settle);
    expect(screen.queryByTestId('delete-matching-question')).toBeNull();
    expect(screen.getByTestId('delete-matching')).toBeTruthy();
  });

  it('clears the default inbox but never offers to delete it; deletes another inbox naming its count', async () => {
    const { fake } = await renderDeleting({
      'inboxes.clear': () => ({ deleted: 3 }),
      'inboxes.delete': () => ({ deleted: 5 }),
    });
    fireEvent.click(screen.getByTestId('nav-settings'));
    await act(settle);
    expect((screen.getByTestId('inbox-delete') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('inbox-delete').title).toContain('cleared, not deleted');
    fireEvent.click(screen.getByTestId('inbox-clear'));
    expect(screen.getByText('Delete all 3 deliveries in default? The inbox stays.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('inbox-clear-confirm'));
    await act(settle);
    expect(fake.calls('inboxes.clear').map((c) => c.input)).toEqual([{ name: 'default' }]);
    expect(screen.getByTestId('delete-notice').textContent).toContain(
      'Cleared default: deleted 3 deliveries.',
    );

    change('settings-inbox', 'shop');
    await act(settle);
    fireEvent.click(screen.getByTestId('inbox-delete'));
    expect(
      screen.getByText('Delete the inbox shop and its 5 deliveries? Its URL then answers 404.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByTestId('inbox-delete-confirm'));
    await act(settle);
    expect(fake.calls('inboxes.delete').map((c) => c.input)).toEqual([{ name: 'shop' }]);
    // On to the default inbox, with the storage line read again.
    expect((screen.getByTestId('settings-inbox') as HTMLSelectElement).value).toBe('default');
    expect(fake.calls('app.storage').length).toBeGreaterThanOrEqual(3);
  });

  it('says why a delete failed', async () => {
    await renderDeleting({ 'deliveries.delete': refuse('not-found', 'There is no delivery #2.') });
    await openDelivery(2);
    fireEvent.click(screen.getByTestId('delete-delivery'));
    fireEvent.click(screen.getByTestId('delete-delivery-confirm'));
    await act(settle);
    expect(screen.getByTestId('delete-notice').textContent).toContain(
      'Could not delete: There is no delivery #2.',
    );
  });

  it('disables every delete for a viewer on a team server, saying which role is needed', async () => {
    await renderDeleting({ 'app.whoami': () => teamWhoami('viewer') });
    await openDelivery(2);
    const button = screen.getByTestId('delete-delivery') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toContain('Needs the operator role');
    expect((screen.getByTestId('delete-matching') as HTMLButtonElement).disabled).toBe(true);
  });
});
