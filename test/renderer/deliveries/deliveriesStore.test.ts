import { ContractError, type DeliveryListItem } from '@contract';
import { describe, expect, it } from 'vitest';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { MAX_PENDING } from '../../../src-renderer/features/deliveries/listStore';
import { deferred } from '../support/deferred';
import { makeDetail, makeItem, makePage } from '../support/deliveries';
import { createFakeClient, createManualFrames, type Handlers, settle } from '../support/fakeClient';

const rowIds = (rows: { count: number; at(index: number): DeliveryListItem | undefined }) =>
  Array.from({ length: rows.count }, (_, index) => rows.at(index)?.id);

function setup(handlers: Handlers, pageSize = 200) {
  const fake = createFakeClient(handlers);
  const frames = createManualFrames();
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: frames.schedule, pageSize });
  const store = stores.list;
  return { fake, frames, store, stores };
}

describe('deliveries store', () => {
  it('subscribes to live events before it asks for the first page, then shows it newest first', async () => {
    const { fake, store } = setup({ 'deliveries.list': () => ({ items: makePage(1, 3), total: 3 }) });
    store.getState().start();
    await settle();

    const kinds = fake.log.map((entry) => (entry.kind === 'on' ? entry.name : entry.method));
    expect(kinds.indexOf('delivery.added')).toBeLessThan(kinds.indexOf('deliveries.list'));
    expect(fake.calls('deliveries.list')[0]?.input).toEqual({ limit: 200 });
    const state = store.getState();
    expect(rowIds(state.rows)).toEqual([3, 2, 1]);
    expect(state.total).toBe(3);
    expect(state.firstPage).toBe('ready');
    expect(state.reachedEnd).toBe(true);
  });

  it('applies a burst of live events in one state update per frame', async () => {
    const { fake, frames, store } = setup({
      'deliveries.list': () => ({ items: makePage(1, 10), total: 10 }),
    });
    store.getState().start();
    await settle();

    let updates = 0;
    store.subscribe(() => {
      updates += 1;
    });
    for (let id = 11; id <= 110; id++) fake.emit('delivery.added', { items: [makeItem(id)] });
    expect(updates).toBe(0);
    expect(frames.pending).toBe(1);

    frames.run();
    expect(updates).toBe(1);
    const state = store.getState();
    expect(state.rows.count).toBe(110);
    expect(rowIds(state.rows).slice(0, 3)).toEqual([110, 109, 108]);
    expect(state.rows.at(109)?.id).toBe(1);
    expect(state.total).toBe(110);
  });

  it('keeps batches newest-first: items within a batch come oldest first', async () => {
    const { fake, frames, store } = setup({ 'deliveries.list': () => ({ items: [], total: 0 }) });
    store.getState().start();
    await settle();
    fake.emit('delivery.added', { items: [makeItem(1), makeItem(2), makeItem(3)] });
    fake.emit('delivery.added', { items: [makeItem(4), makeItem(5)] });
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([5, 4, 3, 2, 1]);
  });

  it('ignores ids it already has, from the first page or earlier events', async () => {
    const { fake, frames, store } = setup({ 'deliveries.list': () => ({ items: makePage(1, 5), total: 5 }) });
    store.getState().start();
    await settle();

    let updates = 0;
    store.subscribe(() => {
      updates += 1;
    });
    fake.emit('delivery.added', { items: [makeItem(4), makeItem(5)] });
    frames.run();
    expect(updates).toBe(0);

    fake.emit('delivery.added', { items: [makeItem(6)] });
    fake.emit('delivery.added', { items: [makeItem(6), makeItem(7)] });
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(store.getState().total).toBe(7);
  });

  it('merges live events that raced the first page without duplicates or disorder', async () => {
    let answer: (value: { items: DeliveryListItem[]; total: number }) => void = () => {};
    const { fake, frames, store } = setup({
      'deliveries.list': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    store.getState().start();
    // Pushed while the first page is still on its way: 8 is in the page too, 9 is newer.
    fake.emit('delivery.added', { items: [makeItem(8), makeItem(9)] });
    frames.run();
    answer({ items: makePage(1, 8), total: 9 });
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(store.getState().total).toBe(9);
  });

  it('appends an older page, read with the last row’s id and time as cursor, at the end', async () => {
    const { fake, store } = setup(
      {
        'deliveries.list': (input) =>
          input.before === undefined
            ? { items: makePage(8, 10), total: 10 }
            : { items: makePage(Math.max(1, input.before - 3), input.before - 1), total: 10 },
      },
      3,
    );
    store.getState().start();
    await settle();
    expect(store.getState().reachedEnd).toBe(false);

    store.getState().loadOlder();
    store.getState().loadOlder(); // a second call while one is loading asks nothing more
    await settle();
    expect(fake.calls('deliveries.list').map((call) => call.input)).toEqual([
      { limit: 3 },
      { limit: 3, before: 8, beforeAt: makeItem(8).receivedAt },
    ]);
    expect(rowIds(store.getState().rows)).toEqual([10, 9, 8, 7, 6, 5]);

    store.getState().loadOlder();
    await settle();
    store.getState().loadOlder();
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(store.getState().reachedEnd).toBe(true);
    const asked = fake.calls('deliveries.list').length;
    store.getState().loadOlder();
    await settle();
    expect(fake.calls('deliveries.list').length).toBe(asked);
  });

  it('keeps an older page failure visible and retries on request', async () => {
    let fail = true;
    const { store } = setup(
      {
        'deliveries.list': (input) => {
          if (input.before === undefined) return { items: makePage(3, 4), total: 4 };
          if (fail) throw new ContractError('unavailable', 'Cannot reach the inspector');
          return { items: makePage(1, 2), total: 4 };
        },
      },
      2,
    );
    store.getState().start();
    await settle();
    store.getState().loadOlder();
    await settle();
    expect(store.getState().olderError?.message).toBe('Cannot reach the inspector');
    fail = false;
    store.getState().retryOlder();
    await settle();
    expect(store.getState().olderError).toBeNull();
    expect(rowIds(store.getState().rows)).toEqual([4, 3, 2, 1]);
  });

  it('shows a failed first page and loads it on retry', async () => {
    let fail = true;
    const { store } = setup({
      'deliveries.list': () => {
        if (fail) throw new ContractError('internal', 'Internal error: disk full');
        return { items: makePage(1, 2), total: 2 };
      },
    });
    store.getState().start();
    await settle();
    expect(store.getState().firstPage).toBe('error');
    expect(store.getState().loadError?.message).toBe('Internal error: disk full');
    fail = false;
    store.getState().retry();
    await settle();
    expect(store.getState().firstPage).toBe('ready');
    expect(store.getState().loadError).toBeNull();
    expect(rowIds(store.getState().rows)).toEqual([2, 1]);
  });

  it('re-reads the newest page after a reconnect and merges what was missed', async () => {
    let newest = 5;
    const { fake, store } = setup({
      'deliveries.list': () => ({ items: makePage(1, newest), total: newest }),
    });
    store.getState().start();
    await settle();
    newest = 8; // 6..8 were pushed while the stream was down
    fake.reconnect();
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(store.getState().total).toBe(8);
  });

  it('starts over after a reconnect when more was missed than one page holds', async () => {
    let page = makePage(1, 3);
    const { fake, store } = setup({ 'deliveries.list': () => ({ items: page, total: page.length }) }, 3);
    store.getState().start();
    await settle();
    page = makePage(20, 22);
    fake.reconnect();
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([22, 21, 20]);
    expect(store.getState().reachedEnd).toBe(false);
  });

  it('filters by inbox: re-queries with it and ignores live events from other inboxes', async () => {
    const { fake, frames, store } = setup({
      'deliveries.list': (input) =>
        input.inbox === 'shop'
          ? { items: [makeItem(4, { inbox: 'shop' })], total: 1 }
          : { items: makePage(1, 5), total: 5 },
    });
    store.getState().start();
    await settle();
    store.getState().setInbox('shop');
    await settle();
    expect(fake.calls('deliveries.list').at(-1)?.input).toEqual({ limit: 200, inbox: 'shop' });
    expect(rowIds(store.getState().rows)).toEqual([4]);
    expect(store.getState().total).toBe(1);

    fake.emit('delivery.added', {
      items: [makeItem(6, { inbox: 'default' }), makeItem(7, { inbox: 'shop' })],
    });
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([7, 4]);
    expect(store.getState().total).toBe(2);

    store.getState().setInbox(null);
    await settle();
    expect(fake.calls('deliveries.list').at(-1)?.input).toEqual({ limit: 200 });
    expect(rowIds(store.getState().rows)).toEqual([5, 4, 3, 2, 1]);
  });

  it('drops a page answered for a filter that is no longer chosen', async () => {
    const answers: Array<() => void> = [];
    const { store } = setup({
      'deliveries.list': (input) =>
        new Promise((resolve) => {
          answers.push(() =>
            resolve(
              input.inbox === 'shop'
                ? { items: [makeItem(2, { inbox: 'shop' })], total: 1 }
                : { items: makePage(1, 3), total: 3 },
            ),
          );
        }),
    });
    store.getState().start();
    store.getState().setInbox('shop');
    answers[1]?.();
    answers[0]?.();
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([2]);
  });

  it('selects a delivery and loads its detail, with loading and error states', async () => {
    const { store, stores } = setup({
      'deliveries.list': () => ({ items: makePage(1, 3), total: 3 }),
      'deliveries.get': ({ id }) => {
        if (id === 2) throw new ContractError('not-found', 'There is no delivery #2.');
        return makeDetail(id);
      },
    });
    store.getState().start();
    await settle();

    stores.selection.getState().open(3);
    expect(stores.selection.getState().openId).toBe(3);
    expect(stores.detail.getState().detail).toEqual({ status: 'loading', id: 3 });
    await settle();
    const detail = stores.detail.getState().detail;
    expect(detail.status === 'ready' && detail.delivery.id).toBe(3);

    stores.selection.getState().open(2);
    await settle();
    expect(stores.detail.getState().detail).toEqual({
      status: 'error',
      id: 2,
      error: { code: 'not-found', message: 'There is no delivery #2.', details: null },
    });
  });

  it('shows only the detail of the latest selection when answers come back out of order', async () => {
    const answers = new Map<number, () => void>();
    const { store, stores } = setup({
      'deliveries.list': () => ({ items: makePage(1, 3), total: 3 }),
      'deliveries.get': ({ id }) =>
        new Promise((resolve) => {
          answers.set(id, () => resolve(makeDetail(id)));
        }),
    });
    store.getState().start();
    await settle();
    stores.selection.getState().open(1);
    stores.selection.getState().open(2);
    answers.get(2)?.();
    await settle();
    answers.get(1)?.();
    await settle();
    const detail = stores.detail.getState().detail;
    expect(detail.status === 'ready' && detail.delivery.id).toBe(2);
  });

  it('applies a flood at once when no frame comes, so the queue stays bounded', async () => {
    const { fake, frames, store } = setup({ 'deliveries.list': () => ({ items: [], total: 0 }) });
    store.getState().start();
    await settle();
    const flood = Array.from({ length: MAX_PENDING - 1 }, (_, index) => makeItem(index + 1));
    fake.emit('delivery.added', { items: flood });
    expect(store.getState().rows.count).toBe(0);
    // The frame never came (a hidden tab that also slows timers): the queue is applied when full.
    fake.emit('delivery.added', { items: [makeItem(MAX_PENDING)] });
    expect(store.getState().rows.count).toBe(MAX_PENDING);
    expect(store.getState().arrived).toBe(MAX_PENDING);
    frames.run();
    expect(store.getState().rows.count).toBe(MAX_PENDING);
  });

  it('drops a flood that outruns a slow first page, and reads the newest page again once it is in', async () => {
    const first = deferred<{ items: DeliveryListItem[]; total: number }>();
    let calls = 0;
    const { fake, store } = setup({
      'deliveries.list': () => {
        calls += 1;
        return calls === 1 ? first.promise : { items: makePage(1, 3), total: MAX_PENDING + 3 };
      },
    });
    store.getState().start();
    fake.emit('delivery.added', {
      items: Array.from({ length: MAX_PENDING }, (_, index) => makeItem(index + 100)),
    });
    first.resolve({ items: makePage(1, 2), total: 2 });
    await settle();
    await settle();
    expect(fake.calls('deliveries.list')).toHaveLength(2);
    expect(rowIds(store.getState().rows)).toEqual([3, 2, 1]);
  });

  it('stops listening on stop', async () => {
    const { fake, frames, store } = setup({ 'deliveries.list': () => ({ items: [], total: 0 }) });
    store.getState().start();
    await settle();
    store.getState().stop();
    fake.emit('delivery.added', { items: [makeItem(1)] });
    frames.run();
    expect(store.getState().rows.count).toBe(0);
  });
  describe('in received-time order', () => {
    /** makeItem's times are 2024-01-01T12:00:00 plus the id in ms: this one is dated a year earlier. */
    const imported = (id: number, day: string) => makeItem(id, { receivedAt: `${day}T12:00:00.000Z` });

    it('places a live arrival dated earlier among the rows of its time, and counts it as arrived', async () => {
      const { fake, frames, store } = setup({
        'deliveries.list': () => ({
          items: [...makePage(3, 4), imported(2, '2023-06-01'), imported(1, '2023-01-01')],
          total: 4,
        }),
      });
      store.getState().start();
      await settle();
      expect(rowIds(store.getState().rows)).toEqual([4, 3, 2, 1]);

      fake.emit('delivery.added', { items: [makeItem(5), imported(6, '2023-03-01'), makeItem(7)] });
      frames.run();
      const state = store.getState();
      expect(rowIds(state.rows)).toEqual([7, 5, 4, 3, 2, 6, 1]);
      expect(state.arrived).toBe(3);
      expect(state.total).toBe(7);
    });

    it('leaves an arrival older than the oldest loaded row to paging while older pages remain', async () => {
      const older = imported(12, '2020-01-01');
      const { fake, frames, store } = setup(
        {
          'deliveries.list': (input) =>
            input.before === undefined
              ? { items: makePage(9, 11), total: 11 }
              : { items: [...makePage(8, 8), older], total: 12 },
        },
        3,
      );
      store.getState().start();
      await settle();
      fake.emit('delivery.added', { items: [older, makeItem(13)] });
      frames.run();
      let state = store.getState();
      expect(rowIds(state.rows)).toEqual([13, 11, 10, 9]);
      // It arrived all the same: counted for the pause button, the title and the total.
      expect(state.arrived).toBe(2);
      expect(state.total).toBe(13);

      store.getState().loadOlder();
      await settle();
      state = store.getState();
      expect(fake.calls('deliveries.list')[1]?.input).toEqual({
        limit: 3,
        before: 9,
        beforeAt: makeItem(9).receivedAt,
      });
      expect(rowIds(state.rows)).toEqual([13, 11, 10, 9, 8, 12]);
      expect(state.reachedEnd).toBe(true);

      // The whole history is loaded now: an even older arrival goes to the bottom.
      fake.emit('delivery.added', { items: [imported(14, '2019-01-01')] });
      frames.run();
      expect(rowIds(store.getState().rows)).toEqual([13, 11, 10, 9, 8, 12, 14]);
    });

    it('places arrivals that raced the first page by the page’s end', async () => {
      const answer = deferred<{ items: DeliveryListItem[]; total: number }>();
      const { fake, frames, store } = setup({ 'deliveries.list': () => answer.promise }, 3);
      store.getState().start();
      fake.emit('delivery.added', { items: [makeItem(9), imported(10, '2020-01-01')] });
      frames.run();
      answer.resolve({ items: makePage(7, 9), total: 10 });
      await settle();
      expect(rowIds(store.getState().rows)).toEqual([9, 8, 7]);
      expect(store.getState().arrived).toBe(1);
    });
  });
});
