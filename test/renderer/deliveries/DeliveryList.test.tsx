import type { DeliveryListItem } from '@contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveriesProvider } from '../../../src-renderer/features/deliveries/context';
import { DeliveryList } from '../../../src-renderer/features/deliveries/DeliveryList';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { createFollowStore, FollowProvider } from '../../../src-renderer/features/deliveries/follow';
import { makeDetail, makeItem, makePage } from '../support/deliveries';
import { createFakeClient, createManualFrames, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

// 640 px of list: 20 rows of 32 px in view.
installFakeLayout(640);

afterEach(cleanup);

/** The list over a first page (`total` made-up deliveries, or these items), optionally paused. */
async function renderList(
  page: number | DeliveryListItem[],
  { onOpen = () => {}, paused = false }: { onOpen?: () => void; paused?: boolean } = {},
) {
  const items = typeof page === 'number' ? makePage(1, page) : page;
  const fake = createFakeClient({
    'deliveries.list': () => ({ items, total: items.length }),
    'deliveries.get': ({ id }) => makeDetail(id),
  });
  const frames = createManualFrames();
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: frames.schedule });
  const store = stores.list;
  store.getState().start();
  await act(settle);
  const follow = createFollowStore(store);
  if (paused) follow.getState().pause();
  render(
    <DeliveriesProvider stores={stores}>
      <FollowProvider store={follow}>
        <DeliveryList onOpen={onOpen} empty={<p data-testid="empty-state">empty</p>} />
      </FollowProvider>
    </DeliveriesProvider>,
  );
  return { fake, frames, store, stores };
}

const renderedIds = () =>
  screen.queryAllByTestId('delivery-row').map((row) => Number(row.dataset.deliveryId));

describe('DeliveryList', () => {
  it('renders only a window of rows out of 100,000', async () => {
    await renderList(100_000);
    const ids = renderedIds();
    // 640 px / 32 px = 20 rows in view, plus a few overscan below.
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(ids.length).toBeLessThanOrEqual(41);
    expect(ids[0]).toBe(100_000);
    expect(screen.getByTestId('delivery-count').textContent).toContain('100,000 deliveries');
  });

  it('renders the rows around the scroll position', async () => {
    await renderList(100_000);
    const scroller = screen.getByTestId('delivery-list').querySelector('.list-scroll') as HTMLElement;
    scroller.scrollTop = 50_000 * 32;
    await act(async () => {
      fireEvent.scroll(scroller);
    });
    const ids = renderedIds();
    expect(ids.length).toBeLessThanOrEqual(41);
    // Row index 50,000 holds id 100,000 - 50,000.
    expect(ids).toContain(50_000);
    expect(ids).not.toContain(100_000);
  });

  it('shows a row per delivery with time, inbox, colored status, user, text and problem badge', async () => {
    const fake = createFakeClient({
      'deliveries.list': () => ({
        items: [
          makeItem(2, { responseStatus: 404, problem: 'unknown-inbox', inbox: 'typo' }),
          makeItem(1, { responseStatus: 200 }),
        ],
        total: 2,
      }),
    });
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
    const store = stores.list;
    store.getState().start();
    await act(settle);
    render(
      <DeliveriesProvider stores={stores}>
        <DeliveryList onOpen={() => {}} empty={null} />
      </DeliveriesProvider>,
    );
    const [first, second] = screen.getAllByTestId('delivery-row');
    expect(first?.textContent).toContain('typo');
    expect(first?.querySelector('.status-client-error')?.textContent).toBe('404');
    expect(first?.querySelector('[data-problem="unknown-inbox"]')?.getAttribute('title')).toMatch(
      /does not exist/,
    );
    expect(second?.querySelector('.status-ok')?.textContent).toBe('200');
    expect(second?.textContent).toContain('Ada');
    expect(second?.textContent).toContain('message 1');
    // From 2024: not today, so the date comes first.
    expect(second?.querySelector('.cell-time')?.textContent).toMatch(/^2024-01-01 \d\d:\d\d$/);
  });

  it('shows today’s deliveries by time, other days’ with a date, and how long ago on hover', async () => {
    const now = Date.now();
    const fake = createFakeClient({
      'deliveries.list': () => ({
        items: [
          makeItem(2, { receivedAt: new Date(now - 3 * 60_000).toISOString() }),
          makeItem(1, { receivedAt: '2025-03-01T12:00:00.000Z' }),
        ],
        total: 2,
      }),
    });
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
    const store = stores.list;
    store.getState().start();
    await act(settle);
    render(
      <DeliveriesProvider stores={stores}>
        <DeliveryList onOpen={() => {}} empty={null} />
      </DeliveriesProvider>,
    );
    const [today, old] = screen.getAllByTestId('delivery-row').map((row) => row.querySelector('.cell-time'));
    // Three minutes ago may be yesterday just after midnight: then it shows a date too.
    const sameDay = new Date(now - 3 * 60_000).getDate() === new Date(now).getDate();
    if (sameDay) expect(today?.textContent).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(old?.textContent).toMatch(/^(2025-)?03-0[12] \d\d:\d\d/);
    fireEvent.mouseEnter(today as Element);
    expect(today?.getAttribute('title')).toMatch(/^3 min ago · /);
    fireEvent.mouseEnter(old as Element);
    expect(old?.getAttribute('title')).toMatch(/ago · 2025-0[23]-0[12] /);
  });

  it('keeps each name and text from outside in its own bidi island', async () => {
    const rlo = '\u202E';
    const item = makeItem(1, { inbox: `shop${rlo}` });
    const fake = createFakeClient({
      'deliveries.list': () => ({
        items: [
          {
            ...item,
            summary: {
              ...item.summary,
              user: { id: 501, name: `Ada${rlo}`, username: null, language: null },
              text: `hi${rlo}`,
            },
          },
        ],
        total: 1,
      }),
    });
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
    const store = stores.list;
    store.getState().start();
    await act(settle);
    render(
      <DeliveriesProvider stores={stores}>
        <DeliveryList onOpen={() => {}} empty={null} />
      </DeliveriesProvider>,
    );
    const row = screen.getByTestId('delivery-row');
    const isolated = (cell: string) => row.querySelector(`${cell} bdi`)?.textContent;
    expect(isolated('.cell-inbox')).toBe(`shop${rlo}`);
    expect(isolated('.cell-user')).toBe(`Ada${rlo}`);
    expect(isolated('.cell-text')).toBe(`hi${rlo}`);
  });

  it('moves the selection with arrow keys and j/k, selects on click, and opens on Enter', async () => {
    let opened = 0;
    const { stores } = await renderList(50, {
      onOpen: () => {
        opened += 1;
      },
    });
    const list = screen.getByTestId('delivery-list');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(stores.selection.getState().openId).toBe(50);
    fireEvent.keyDown(list, { key: 'j' });
    fireEvent.keyDown(list, { key: 'j' });
    expect(stores.selection.getState().openId).toBe(48);
    fireEvent.keyDown(list, { key: 'k' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(stores.selection.getState().openId).toBe(50);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(stores.selection.getState().openId).toBe(50);
    await act(settle);

    const row = screen.getAllByTestId('delivery-row').find((element) => element.dataset.deliveryId === '45');
    fireEvent.click(row as HTMLElement);
    expect(stores.selection.getState().openId).toBe(45);
    await act(settle);
    expect(row?.getAttribute('aria-selected')).toBe('true');
    expect(list.getAttribute('aria-activedescendant')).toBe('delivery-row-45');

    fireEvent.keyDown(list, { key: 'Enter' });
    expect(opened).toBe(1);
  });

  it('shows live arrivals on top after one frame', async () => {
    const { fake, frames } = await renderList(3);
    fake.emit('delivery.added', { items: [makeItem(4), makeItem(5)] });
    expect(renderedIds()).toEqual([3, 2, 1]);
    act(() => frames.run());
    expect(renderedIds()).toEqual([5, 4, 3, 2, 1]);
  });

  it('keeps the row elements when arrivals push rows down, and moves the tick with its delivery', async () => {
    const { fake, frames, stores } = await renderList(3);
    const before = screen.getAllByTestId('delivery-row');
    act(() => stores.selection.getState().toggleTicked(3, false));
    fake.emit('delivery.added', { items: [makeItem(4)] });
    act(() => frames.run());
    const after = screen.getAllByTestId('delivery-row');
    expect(renderedIds()).toEqual([4, 3, 2, 1]);
    // A burst at the top redraws text in the same elements instead of building new ones:
    // that is what keeps a redraw at 1,000 deliveries a second short.
    expect(after.slice(0, 3)).toEqual(before);
    expect(after.map((row) => row.querySelector('input')?.checked)).toEqual([false, true, false, false]);
    expect(after.map((row) => row.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4', '5']);
  });

  it('paused, keeps each delivery in its own element while arrivals push rows down', async () => {
    const { fake, frames } = await renderList(3, { paused: true });
    const before = new Map(screen.getAllByTestId('delivery-row').map((row) => [row.dataset.deliveryId, row]));
    fake.emit('delivery.added', { items: [makeItem(4)] });
    act(() => frames.run());
    const after = screen.getAllByTestId('delivery-row');
    expect(renderedIds()).toEqual([4, 3, 2, 1]);
    // The element under the pointer keeps its delivery: a click lands on the row it began on.
    for (const row of after.slice(1)) expect(row).toBe(before.get(row.dataset.deliveryId));
  });

  it('ticks a row by a click on its checkbox, with the keyboard on the list rather than the box', async () => {
    const { stores } = await renderList(3);
    const list = screen.getByTestId('delivery-list');
    expect(document.activeElement).not.toBe(list);
    const box = screen.getAllByTestId('row-select')[1] as HTMLInputElement;
    const label = box.closest('label') as HTMLElement;
    // A mousedown that is not prevented would focus the checkbox; this one hands focus to the list.
    expect(fireEvent.mouseDown(label)).toBe(false);
    fireEvent.click(box);
    expect(stores.selection.getState().ticked.has(2)).toBe(true);
    expect(document.activeElement).toBe(list);
  });

  it('a row that could not render stays with its delivery when arrivals push it down, and its old place renders again', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ...makeItem(2), summary: null } as unknown as DeliveryListItem;
    const { fake, frames } = await renderList([makeItem(3), broken, makeItem(1)]);
    expect(screen.getByTestId('broken-row').getAttribute('aria-rowindex')).toBe('3');
    fake.emit('delivery.added', { items: [makeItem(4)] });
    act(() => frames.run());
    expect(renderedIds()).toEqual([4, 3, 1]);
    const note = screen.getByTestId('broken-row');
    expect(note.dataset.deliveryId).toBe('2');
    expect(note.getAttribute('aria-rowindex')).toBe('4');
    quiet.mockRestore();
  });

  it('asks for the older page when scrolled near the end', async () => {
    const { fake } = await renderList(200);
    expect(fake.calls('deliveries.list')).toHaveLength(1);
    const scroller = screen.getByTestId('delivery-list').querySelector('.list-scroll') as HTMLElement;
    scroller.scrollTop = 180 * 32;
    await act(async () => {
      fireEvent.scroll(scroller);
    });
    await act(settle);
    expect(fake.calls('deliveries.list')[1]?.input).toEqual({
      limit: 200,
      before: 1,
      beforeAt: makeItem(1).receivedAt,
    });
  });

  it('shows the empty state once the list is known to be empty', async () => {
    await renderList(0);
    expect(screen.getByTestId('empty-state')).toBeTruthy();
    expect(screen.getByTestId('delivery-list')).toBeTruthy();
  });

  it('says "10,000+ matching" when the server stopped counting, instead of a number that is not the count', async () => {
    const fake = createFakeClient({
      'deliveries.list': () => ({ items: makePage(1, 50), total: 10_000, totalExact: false }),
      'deliveries.get': ({ id }) => makeDetail(id),
    });
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: createManualFrames().schedule });
    const store = stores.list;
    store.getState().start();
    await act(settle);
    act(() => store.getState().setFilter({ status: '2xx' }));
    await act(settle);
    render(
      <DeliveriesProvider stores={stores}>
        <DeliveryList onOpen={() => {}} empty={<p>empty</p>} />
      </DeliveriesProvider>,
    );
    expect(screen.getByTestId('match-count').textContent).toBe('10,000+ matching');
  });
});
