import type { DeliveryListItem } from '@contract';
import { describe, expect, it } from 'vitest';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { DeliveryRows } from '../../../src-renderer/features/deliveries/rows';
import { makeDetail, makeItem, makePage } from '../support/deliveries';
import { createFakeClient, createManualFrames, settle } from '../support/fakeClient';

const rowIds = (rows: { count: number; at(index: number): DeliveryListItem | undefined }) =>
  Array.from({ length: rows.count }, (_, index) => rows.at(index)?.id);

describe('deleted deliveries in the list', () => {
  it('drops a burst of deletes in one update per frame, with the ticks, the open delivery and the count', async () => {
    // Ten loaded of thirty on the server.
    let total = 30;
    const fake = createFakeClient({
      'deliveries.list': ({ limit }) => ({ items: limit === 1 ? [] : makePage(1, 10), total }),
      'deliveries.get': ({ id }) => makeDetail(id),
    });
    const frames = createManualFrames();
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: frames.schedule });
    const store = stores.list;
    store.getState().start();
    await settle();
    stores.selection.getState().open(4);
    stores.selection.getState().toggleTicked(4);
    stores.selection.getState().toggleTicked(6);
    await settle();
    expect(stores.detail.getState().detail.status).toBe('ready');

    let updates = 0;
    store.subscribe(() => {
      updates += 1;
    });
    for (const ids of [[4], [5], [9]]) fake.emit('deliveries.deleted', { ids });
    expect(updates).toBe(0);
    frames.run();
    expect(updates).toBe(1);
    const state = store.getState();
    expect(rowIds(state.rows)).toEqual([10, 8, 7, 6, 3, 2, 1]);
    expect(state.total).toBe(27);
    expect([...stores.selection.getState().ticked]).toEqual([6]);
    expect(stores.selection.getState().openId).toBeNull();
    expect(stores.detail.getState().detail).toEqual({ status: 'idle' });
    // All of them were loaded: the count needs no asking.
    expect(fake.calls('deliveries.list')).toHaveLength(1);

    // Not loaded (older than what is held): the server counts again.
    total = 25;
    fake.emit('deliveries.deleted', { ids: [100, 101] });
    frames.run();
    await settle();
    expect(fake.calls('deliveries.list').at(-1)?.input).toEqual({ limit: 1 });
    expect(store.getState().total).toBe(25);
    expect(rowIds(store.getState().rows)).toHaveLength(7);
  });

  it('drops an arrival still waiting for its frame when it is deleted first', async () => {
    const fake = createFakeClient({ 'deliveries.list': () => ({ items: makePage(1, 2), total: 2 }) });
    const frames = createManualFrames();
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: frames.schedule });
    const store = stores.list;
    store.getState().start();
    await settle();
    fake.emit('delivery.added', { items: [makeItem(3)] });
    fake.emit('deliveries.deleted', { ids: [3] });
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([2, 1]);
  });

  it('DeliveryRows.remove keeps both halves sorted and its ids in step', () => {
    const rows = new DeliveryRows();
    rows.addOlder(makePage(1, 5));
    rows.addNewer([makeItem(6), makeItem(7)]);
    expect(rows.remove(new Set([2, 6, 99]))).toBe(2);
    expect(rowIds(rows)).toEqual([7, 5, 4, 3, 1]);
    expect(rows.has(6)).toBe(false);
    expect(rows.indexOf(5)).toBe(1);
    rows.addNewer([makeItem(8)]);
    expect(rowIds(rows)).toEqual([8, 7, 5, 4, 3, 1]);
  });
});
