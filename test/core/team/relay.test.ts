import type { DeliveryListItem, EventName } from '@contract';
import { describe, expect, it } from 'vitest';
import type { DeliverySearch } from '../../../src-main/core/deliveries/store';
import { EventHub } from '../../../src-main/core/events';
import { CHANGES_CHANNEL } from '../../../src-main/core/store/pg/changes';
import type { Sql } from '../../../src-main/core/store/pg/connect';
import { ChangeRelay } from '../../../src-main/core/store/pg/relay';
import type { Stores } from '../../../src-main/core/store/stores';
import { makeItem } from '../../renderer/support/deliveries';
import { waitFor } from '../../support/wait';

/**
 * The relay against a LISTEN connection a test controls: notices it hands
 * over, and reconnects between which notices were lost.
 */
function harness(stored: DeliveryListItem[]) {
  let notify: (payload: string) => void = () => undefined;
  let connected: () => void = () => undefined;
  const sql = {
    listen: async (channel: string, onNotify: (payload: string) => void, onListen: () => void) => {
      expect(channel).toBe(CHANGES_CHANNEL);
      notify = onNotify;
      connected = onListen;
      onListen();
      return { unlisten: async () => undefined };
    },
  } as unknown as Sql;
  let inboxReloads = 0;
  const stores = {
    deliveries: {
      lastId: async () => Math.max(0, ...stored.map((d) => d.id)),
      listByIds: async (ids: readonly number[]) => stored.filter((d) => ids.includes(d.id)),
      search: async (q: DeliverySearch) => {
        const items = stored
          .filter(
            (d) => (q.after === undefined || d.id > q.after) && (q.before === undefined || d.id < q.before),
          )
          .sort((x, y) => y.id - x.id)
          .slice(0, q.limit);
        return { items, total: items.length };
      },
    },
    inboxes: {
      reload: async () => {
        inboxReloads += 1;
      },
    },
    inboxSettings: { reload: async () => undefined },
  } as unknown as Stores;
  const events = new EventHub();
  const pushed: number[] = [];
  const names: EventName[] = [];
  const deleted: number[][] = [];
  events.subscribe((name, payload) => {
    names.push(name);
    if (name === 'deliveries.deleted') deleted.push((payload as { ids: number[] }).ids);
    if (name === 'delivery.added')
      pushed.push(...(payload as { items: DeliveryListItem[] }).items.map((i) => i.id));
  });
  const relay = new ChangeRelay({ sql, origin: 'me', stores, events, log: () => undefined });
  return {
    relay,
    pushed,
    names,
    deleted,
    inboxReloads: () => inboxReloads,
    notice: (change: object) => notify(JSON.stringify(change)),
    reconnect: () => connected(),
  };
}

describe('ChangeRelay', () => {
  it('pushes another replica’s deliveries once, skips its own and what it already pushed', async () => {
    const stored = [makeItem(1), makeItem(2), makeItem(3)];
    const h = harness(stored);
    await h.relay.start();
    h.notice({ origin: 'other', topic: 'deliveries', ids: [2, 3] });
    await waitFor(() => h.pushed.length === 2);
    h.notice({ origin: 'other', topic: 'deliveries', ids: [3] });
    h.notice({ origin: 'me', topic: 'deliveries', ids: [1] });
    h.notice({ nonsense: true });
    stored.push(makeItem(4));
    h.notice({ origin: 'other', topic: 'deliveries', ids: [4] });
    await waitFor(() => h.pushed.includes(4));
    expect(h.pushed).toEqual([2, 3, 4]);
  });

  it('catches up after a reconnect: deliveries whose notices were lost are pushed, in order, once', async () => {
    const stored = [makeItem(10)];
    const h = harness(stored);
    await h.relay.start();
    h.relay.committed([makeItem(11)]);
    stored.push(makeItem(11));
    // The LISTEN connection dropped: these committed while nobody heard.
    stored.push(makeItem(12), makeItem(13));
    h.reconnect();
    await waitFor(() => h.pushed.length === 2, { what: 'the catch-up' });
    // 10 was there before the relay started (the UI reads it from the list), 11 this replica pushed itself.
    expect(h.pushed).toEqual([12, 13]);
    expect(h.inboxReloads()).toBe(1);
    expect(h.names).toContain('inboxes.changed');
  });

  it('tells its clients which deliveries another replica deleted, and nothing for its own deletes', async () => {
    const h = harness([makeItem(1), makeItem(2)]);
    await h.relay.start();
    h.notice({ origin: 'me', topic: 'deleted', ids: [9] });
    h.notice({ origin: 'other', topic: 'deleted', ids: [1, 2] });
    await waitFor(() => h.deleted.length === 1);
    expect(h.deleted).toEqual([[1, 2]]);
    expect(h.names).toEqual(['deliveries.deleted']);
  });

  it('reloads inboxes and tells its clients when another replica created one', async () => {
    const h = harness([]);
    await h.relay.start();
    h.notice({ origin: 'other', topic: 'inboxes' });
    await waitFor(() => h.inboxReloads() === 1);
    expect(h.names).toEqual(['inboxes.changed']);
  });

  it('looks below the highest id pushed: a slow replica’s commit with a lower id is not missed', async () => {
    const stored: DeliveryListItem[] = [];
    const h = harness(stored);
    await h.relay.start();
    stored.push(makeItem(5));
    h.relay.committed([makeItem(5)]);
    // Another replica took id 3 before 5 was taken and committed after; its notice was lost.
    stored.push(makeItem(3));
    h.reconnect();
    await waitFor(() => h.pushed.length === 1, { what: 'the catch-up' });
    expect(h.pushed).toEqual([3]);
  });
});
