import type { DeliveryListItem, Input } from '@contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkTo } from '../../../src-renderer/features/deeplinks/hashRoute';
import { DeliveriesProvider } from '../../../src-renderer/features/deliveries/context';
import { DeliveryList } from '../../../src-renderer/features/deliveries/DeliveryList';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { SEARCH_DEBOUNCE_MS, SearchBar } from '../../../src-renderer/features/search/SearchBar';
import { makeItem, makePage } from '../support/deliveries';
import { createFakeClient, createManualFrames, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

type ListInput = Input<'deliveries.list'>;

installFakeLayout(640);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Items 1..10 (Solafon, no problem); a query keeps those whose text holds it. */
function answer(input: ListInput): { items: DeliveryListItem[]; total: number } {
  const matching = makePage(1, 10).filter(
    (item) =>
      (input.query === undefined || (item.summary.text ?? '').includes(input.query)) &&
      (input.problem === undefined || input.problem === 'none') &&
      (input.platform === undefined || input.platform === item.summary.platform),
  );
  return { items: matching, total: matching.length };
}

async function renderList() {
  const fake = createFakeClient({ 'deliveries.list': answer });
  const frames = createManualFrames();
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: frames.schedule });
  const store = stores.list;
  store.getState().start();
  await act(settle);
  const ui = (
    <DeliveriesProvider stores={stores}>
      <DeliveryList
        onOpen={() => {}}
        empty={<p data-testid="empty-state">empty</p>}
        renderSearch={(focusList) => (
          <SearchBar onLeave={focusList} linkTo={(filter) => linkTo({ deliveryId: null, filter })} />
        )}
      />
    </DeliveriesProvider>
  );
  const view = render(ui);
  const listCalls = () => fake.calls('deliveries.list').map((call) => call.input as ListInput);
  return { fake, frames, store, stores, view, ui, listCalls };
}

const search = () => screen.getByTestId('search-input') as HTMLInputElement;
const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement | HTMLSelectElement;
const renderedIds = () =>
  screen.queryAllByTestId('delivery-row').map((row) => Number(row.dataset.deliveryId));

describe('search bar', () => {
  it('sends one query once typing settles, not one per keystroke', async () => {
    const { listCalls } = await renderList();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(search().placeholder).toBe('Search text and body…');
    expect(listCalls()).toHaveLength(1);

    for (const typed of ['m', 'me', 'mes', 'message 1']) {
      fireEvent.change(search(), { target: { value: typed } });
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS / 2));
    }
    expect(listCalls()).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));
    expect(listCalls()).toHaveLength(2);
    expect(listCalls()[1]).toEqual({ limit: 200, query: 'message 1' });

    await act(() => vi.advanceTimersByTimeAsync(0));
    // "message 1" and "message 10".
    expect(renderedIds()).toEqual([10, 1]);
    expect(screen.getByTestId('delivery-count').textContent).toContain('2 matching');
  });

  it('focuses the search on "/" from anywhere but a text field, and Escape clears it and returns to the list', async () => {
    const { listCalls, store, stores } = await renderList();
    const list = screen.getByTestId('delivery-list');
    list.focus();
    fireEvent.keyDown(list, { key: '/' });
    expect(document.activeElement).toBe(search());

    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search());

    // Typed into another field, "/" is just a character.
    fireEvent.click(screen.getByTestId('filter-toggle'));
    const user = field('filter-user');
    user.focus();
    fireEvent.keyDown(user, { key: '/' });
    expect(document.activeElement).toBe(user);

    search().focus();
    fireEvent.change(search(), { target: { value: 'message 5' } });
    fireEvent.keyDown(search(), { key: 'Enter' });
    await act(settle);
    expect(listCalls().at(-1)).toEqual({ limit: 200, query: 'message 5' });
    expect(store.getState().filter).toEqual({ query: 'message 5' });

    fireEvent.keyDown(search(), { key: 'Escape' });
    expect(search().value).toBe('');
    expect(document.activeElement).toBe(list);
    await act(settle);
    expect(store.getState().filter).toEqual({});
    expect(listCalls().at(-1)).toEqual({ limit: 200 });
    expect(renderedIds()[0]).toBe(10);

    // j/k still move the selection once back on the list.
    fireEvent.keyDown(list, { key: 'j' });
    expect(stores.selection.getState().openId).toBe(10);
  });

  it('shows an invalid status instead of sending it, and sends it once it is fixed', async () => {
    const { listCalls } = await renderList();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(screen.getByTestId('filter-toggle'));
    fireEvent.change(field('filter-status'), { target: { value: 'abc' } });
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));
    expect(screen.getByTestId('filter-error').textContent).toMatch(/100 to 599/);
    expect(field('filter-status').getAttribute('aria-invalid')).toBe('true');
    expect(listCalls()).toHaveLength(1);

    fireEvent.change(field('filter-status'), { target: { value: '4xx' } });
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));
    expect(screen.queryByTestId('filter-error')).toBeNull();
    expect(listCalls().at(-1)).toEqual({ limit: 200, status: '4xx' });

    fireEvent.change(field('filter-status'), { target: { value: '404' } });
    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));
    expect(listCalls().at(-1)).toEqual({ limit: 200, status: 404 });
  });

  it('applies a select or a date at once, counts the active filters, and clears them all', async () => {
    const { listCalls, store } = await renderList();
    fireEvent.click(screen.getByTestId('filter-toggle'));
    fireEvent.change(field('filter-problem'), { target: { value: 'none' } });
    expect(listCalls().at(-1)).toEqual({ limit: 200, problem: 'none' });
    fireEvent.change(field('filter-platform'), { target: { value: 'telegram' } });
    expect(listCalls().at(-1)).toEqual({ limit: 200, problem: 'none', platform: 'telegram' });
    fireEvent.change(field('filter-from'), { target: { value: '2024-01-01T10:00' } });
    const sent = listCalls().at(-1) ?? { limit: 0 };
    expect(sent.from).toMatch(/^2024-01-01T10:00:00[+-]\d\d:\d\d$/);
    expect(Date.parse(sent.from ?? '')).toBe(new Date(2024, 0, 1, 10, 0, 0).getTime());
    expect(screen.getByTestId('filter-toggle').textContent).toBe('Filters (3)');
    await act(settle);
    expect(screen.getByTestId('delivery-count').textContent).toMatch(/^0 matching/);
    expect(screen.getByTestId('no-matches')).toBeTruthy();
    expect(screen.queryByTestId('empty-state')).toBeNull();

    fireEvent.click(screen.getByTestId('filter-clear'));
    expect(store.getState().filter).toEqual({});
    expect(listCalls().at(-1)).toEqual({ limit: 200 });
    expect(field('filter-problem').value).toBe('');
    expect(field('filter-from').value).toBe('');
    expect(screen.getByTestId('filter-toggle').textContent).toBe('Filters');
    await act(settle);
    expect(screen.getByTestId('delivery-count').textContent).toContain('10 deliveries');
  });

  it('combines with the inbox chosen in the header, which the clear leaves alone', async () => {
    const { listCalls, store } = await renderList();
    act(() => store.getState().setInbox('shop'));
    fireEvent.change(search(), { target: { value: 'hello' } });
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(listCalls().at(-1)).toEqual({ limit: 200, inbox: 'shop', query: 'hello' });
    await act(settle);
    expect(screen.getByTestId('delivery-count').textContent).toContain('matching in shop');

    fireEvent.click(screen.getByTestId('filter-clear'));
    expect(store.getState().filter).toEqual({ inbox: 'shop' });
  });

  it('shows the filter the list has when it is drawn again', async () => {
    const { store, view, ui } = await renderList();
    act(() => store.getState().setFilter({ query: 'hello', status: '5xx', problem: 'any' }));
    view.unmount();
    render(ui);
    expect(search().value).toBe('hello');
    expect(field('filter-status').value).toBe('5xx');
    expect(field('filter-problem').value).toBe('any');
    expect(screen.getByTestId('filter-toggle').getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps a narrowed list live: an arrival shows only once the server says it matches', async () => {
    const { fake, frames, listCalls } = await renderList();
    fireEvent.change(search(), { target: { value: 'message 1' } });
    fireEvent.keyDown(search(), { key: 'Enter' });
    await act(settle);
    expect(renderedIds()).toEqual([10, 1]);

    fake.emit('delivery.added', { items: [makeItem(11), makeItem(12)] });
    fake.handlers['deliveries.list'] = (input) => ({
      items: input.after === 10 ? [makeItem(11)] : [],
      total: 3,
    });
    act(() => frames.run());
    expect(listCalls().at(-1)).toEqual({ limit: 1000, query: 'message 1', after: 10 });
    await act(settle);
    act(() => frames.run());
    expect(renderedIds()).toEqual([11, 10, 1]);
    expect(screen.getByTestId('delivery-count').textContent).toContain('3 matching');
  });
});
