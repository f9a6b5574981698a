import { ContractError, type DeliveryListItem, type Input } from '@contract';
import { describe, expect, it } from 'vitest';
import { CATCH_UP_LIMIT } from '../../../src-renderer/features/deliveries/catchUp';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { compareNewestFirst } from '../../../src-renderer/features/deliveries/order';
import { deferred } from '../support/deferred';
import { makeItem } from '../support/deliveries';
import { createFakeClient, createManualFrames, type Handlers, settle } from '../support/fakeClient';

type ListInput = Input<'deliveries.list'>;
type Page = { items: DeliveryListItem[]; total: number };

const rowIds = (rows: { count: number; at(index: number): DeliveryListItem | undefined }) =>
  Array.from({ length: rows.count }, (_, index) => rows.at(index)?.id);

/**
 * A stand-in for core's search: inbox, full text (a substring of the text
 * here) and status narrow; cursors and limit page; in received-time order; the total
 * ignores the cursors. `stored` is what the receiver has committed so far.
 */
function fakeServer(stored: DeliveryListItem[]) {
  return (input: ListInput): Page => {
    const matching = stored.filter(
      (item) =>
        (input.inbox === undefined || item.inbox === input.inbox) &&
        (input.query === undefined || (item.summary.text ?? '').includes(input.query)) &&
        (input.status === undefined || item.responseStatus === input.status),
    );
    const cursor =
      input.before === undefined ? undefined : { id: input.before, receivedAt: input.beforeAt ?? '' };
    const items = matching
      .filter((item) => cursor === undefined || compareNewestFirst(item, cursor) > 0)
      .filter((item) => input.after === undefined || item.id > input.after)
      .sort(compareNewestFirst)
      .slice(0, input.limit ?? 200);
    return { items, total: matching.length };
  };
}

const text = (id: number, words: string) =>
  makeItem(id, { summary: { ...makeItem(id).summary, text: words } });

function setup(handlers: Handlers, pageSize = 200) {
  const fake = createFakeClient(handlers);
  const frames = createManualFrames();
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: frames.schedule, pageSize });
  const store = stores.list;
  const listCalls = () => fake.calls('deliveries.list').map((call) => call.input as ListInput);
  return { fake, frames, store, stores, listCalls };
}

describe('deliveries store with a search and filters', () => {
  it('reloads the first page with the whole filter, and pages older with the same filter', async () => {
    const stored = [text(1, 'hello a'), text(2, 'bye'), text(3, 'hello b'), text(4, 'hello c'), text(5, 'x')];
    const { store, listCalls } = setup({ 'deliveries.list': fakeServer(stored) }, 2);
    store.getState().start();
    await settle();

    store.getState().setFilter({ inbox: 'default', query: 'hello', status: 200 });
    expect(store.getState().firstPage).toBe('loading');
    expect(store.getState().rows.count).toBe(0);
    await settle();
    expect(listCalls().at(-1)).toEqual({ limit: 2, inbox: 'default', query: 'hello', status: 200 });
    expect(rowIds(store.getState().rows)).toEqual([4, 3]);
    expect(store.getState().total).toBe(3);
    expect(store.getState().filter).toEqual({ inbox: 'default', query: 'hello', status: 200 });

    store.getState().loadOlder();
    await settle();
    expect(listCalls().at(-1)).toEqual({
      limit: 2,
      inbox: 'default',
      query: 'hello',
      status: 200,
      before: 3,
      beforeAt: makeItem(3).receivedAt,
    });
    expect(rowIds(store.getState().rows)).toEqual([4, 3, 1]);
    expect(store.getState().reachedEnd).toBe(true);
  });

  it('does not reload for the same filter, blanks and order aside', async () => {
    const { store, listCalls } = setup({ 'deliveries.list': fakeServer([]) });
    store.getState().start();
    await settle();
    store.getState().setFilter({ query: 'hi', kind: 'message' });
    await settle();
    store.getState().setFilter({ kind: 'message', query: ' hi ', userId: '' });
    await settle();
    expect(listCalls()).toHaveLength(2);
  });

  it('keeps the other fields when only the inbox changes, and the query when the inbox is cleared', async () => {
    const { store, listCalls } = setup({ 'deliveries.list': fakeServer([]) });
    store.getState().start();
    store.getState().setFilter({ query: 'hi' });
    store.getState().setInbox('shop');
    expect(store.getState().filter).toEqual({ inbox: 'shop', query: 'hi' });
    store.getState().setInbox(null);
    expect(store.getState().filter).toEqual({ query: 'hi' });
    await settle();
    expect(listCalls().at(-1)).toEqual({ limit: 200, query: 'hi' });
  });

  it('asks for what arrived with one `after` query per burst and shows only what it returns', async () => {
    const stored = [text(1, 'hello one'), text(2, 'other')];
    const { fake, frames, store, listCalls } = setup({ 'deliveries.list': fakeServer(stored) });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([1]);
    const before = listCalls().length;

    // A burst: three events, matching and not, before the next frame.
    stored.push(text(3, 'hello three'), text(4, 'nope'));
    fake.emit('delivery.added', { items: [stored[2] as DeliveryListItem] });
    fake.emit('delivery.added', { items: [stored[3] as DeliveryListItem] });
    stored.push(text(5, 'hello five'));
    fake.emit('delivery.added', { items: [stored[4] as DeliveryListItem] });
    // The client never judges an item itself: nothing shows before the answer.
    expect(listCalls()).toHaveLength(before);
    frames.run();
    expect(listCalls().slice(before)).toEqual([{ limit: CATCH_UP_LIMIT, query: 'hello', after: 1 }]);
    await settle();
    frames.run();

    expect(rowIds(store.getState().rows)).toEqual([5, 3, 1]);
    expect(store.getState().total).toBe(3);
    expect(listCalls()).toHaveLength(before + 1);
  });

  it('places what a catch-up finds by received time, and asks past the largest id, not the top row', async () => {
    const dated = (id: number, day: string) => ({ ...text(id, 'hello'), receivedAt: `${day}T00:00:00.000Z` });
    const stored = [dated(1, '2025-01-01'), dated(2, '2025-03-01')];
    const { fake, frames, store, listCalls } = setup({ 'deliveries.list': fakeServer(stored) });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();

    // An import: a delivery dated between the two rows, then one dated before both.
    stored.push(dated(3, '2025-02-01'));
    fake.emit('delivery.added', { items: [stored[2] as DeliveryListItem] });
    frames.run();
    await settle();
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([2, 3, 1]);

    stored.push(dated(4, '2024-01-01'));
    fake.emit('delivery.added', { items: [stored[3] as DeliveryListItem] });
    frames.run();
    await settle();
    frames.run();
    expect(listCalls().at(-1)).toEqual({ limit: CATCH_UP_LIMIT, query: 'hello', after: 3 });
    expect(rowIds(store.getState().rows)).toEqual([2, 3, 1, 4]);
    expect(store.getState().arrived).toBe(2);
  });

  it('keeps at most one catch-up on its way; arrivals meanwhile cause exactly one more, after it', async () => {
    const stored = [text(1, 'hello')];
    const server = fakeServer(stored);
    const answers: Array<() => void> = [];
    const { fake, frames, store, listCalls } = setup({
      'deliveries.list': (input) => {
        if (input.after === undefined) return server(input);
        const answer = deferred<Page>();
        answers.push(() => answer.resolve(server(input)));
        return answer.promise;
      },
    });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();

    stored.push(text(2, 'hello'));
    fake.emit('delivery.added', { items: [makeItem(2)] });
    frames.run();
    expect(listCalls().filter((input) => input.after !== undefined)).toHaveLength(1);

    // More arrive while it is on its way: no second request yet, whatever the frames.
    stored.push(text(3, 'hello'), text(4, 'hello'));
    fake.emit('delivery.added', { items: [makeItem(3)] });
    frames.run();
    fake.emit('delivery.added', { items: [makeItem(4)] });
    frames.run();
    expect(listCalls().filter((input) => input.after !== undefined)).toHaveLength(1);

    answers[0]?.();
    await settle();
    const catchUps = listCalls().filter((input) => input.after !== undefined);
    expect(catchUps).toHaveLength(2);
    // The second asks after what the first found, even before that was drawn.
    expect(catchUps[1]).toEqual({ limit: CATCH_UP_LIMIT, query: 'hello', after: 4 });
    answers[1]?.();
    await settle();
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([4, 3, 2, 1]);
    expect(listCalls().filter((input) => input.after !== undefined)).toHaveLength(2);
  });

  it('reads the rest with `before` while full pages come back, leaving no hole', async () => {
    const stored = [text(1, 'hello')];
    const { fake, frames, store, listCalls } = setup({ 'deliveries.list': fakeServer(stored) });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();

    const arrived = CATCH_UP_LIMIT + 500;
    for (let id = 2; id <= arrived + 1; id++) stored.push(text(id, id % 2 === 0 ? 'hello' : 'hello too'));
    fake.emit('delivery.added', { items: [makeItem(arrived + 1)] });
    frames.run();
    await settle();
    frames.run();

    const catchUps = listCalls().filter((input) => input.after !== undefined);
    expect(catchUps).toEqual([
      { limit: CATCH_UP_LIMIT, query: 'hello', after: 1 },
      {
        limit: CATCH_UP_LIMIT,
        query: 'hello',
        after: 1,
        before: arrived + 2 - CATCH_UP_LIMIT,
        beforeAt: makeItem(arrived + 2 - CATCH_UP_LIMIT).receivedAt,
      },
    ]);
    const ids = rowIds(store.getState().rows);
    expect(ids).toHaveLength(arrived + 1);
    expect(ids.slice(0, 2)).toEqual([arrived + 1, arrived]);
    expect(ids.at(-1)).toBe(1);
    expect(store.getState().total).toBe(arrived + 1);
  });

  it('with only an inbox filter asks nothing and ignores arrivals from other inboxes', async () => {
    const { fake, frames, store, listCalls } = setup({
      'deliveries.list': fakeServer([makeItem(1, { inbox: 'shop' })]),
    });
    store.getState().start();
    store.getState().setFilter({ query: 'x' });
    store.getState().setFilter({ inbox: 'shop' });
    await settle();
    const asked = listCalls().length;

    fake.emit('delivery.added', {
      items: [makeItem(2, { inbox: 'default' }), makeItem(3, { inbox: 'shop' })],
    });
    frames.run();
    await settle();
    frames.run();
    expect(listCalls()).toHaveLength(asked);
    expect(rowIds(store.getState().rows)).toEqual([3, 1]);
    expect(store.getState().total).toBe(2);
  });

  it('drops a first page answered for a search that is no longer the one typed', async () => {
    const answers = new Map<string, () => void>();
    const { store } = setup({
      'deliveries.list': (input) => {
        const answer = deferred<Page>();
        answers.set(input.query ?? '', () =>
          answer.resolve({ items: [text(input.query === 'hel' ? 1 : 2, String(input.query))], total: 1 }),
        );
        return answer.promise;
      },
    });
    store.getState().start();
    store.getState().setFilter({ query: 'hel' });
    store.getState().setFilter({ query: 'hello' });
    answers.get('hello')?.();
    await settle();
    answers.get('hel')?.();
    answers.get('')?.();
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([2]);
    expect(store.getState().firstPage).toBe('ready');
  });

  it('drops a catch-up answered for a filter that has since changed', async () => {
    const stored = [text(1, 'hello')];
    const server = fakeServer(stored);
    const late = deferred<Page>();
    const { fake, frames, store } = setup({
      'deliveries.list': (input) => (input.after !== undefined ? late.promise : server(input)),
    });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();
    fake.emit('delivery.added', { items: [makeItem(2)] });
    frames.run();

    store.getState().setFilter({ query: 'bye' });
    await settle();
    late.resolve({ items: [text(2, 'hello')], total: 2 });
    await settle();
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([]);
    expect(store.getState().total).toBe(0);
  });

  it('catches up with `after` on reconnect, and after arrivals during the first page', async () => {
    const stored = [text(1, 'hello')];
    const server = fakeServer(stored);
    let held: ReturnType<typeof deferred<Page>> | null = null;
    const { fake, frames, store, listCalls } = setup({
      'deliveries.list': (input) => {
        if (held === null || input.after !== undefined) return server(input);
        const page = held;
        held = null;
        return page.promise;
      },
    });
    store.getState().start();
    await settle();
    const first = deferred<Page>();
    held = first;
    store.getState().setFilter({ query: 'hello' });
    // Committed after the first page's query ran, announced before its answer.
    const answer = server({ limit: 200, query: 'hello' });
    stored.push(text(2, 'hello'));
    fake.emit('delivery.added', { items: [makeItem(2)] });
    frames.run();
    first.resolve(answer);
    await settle();
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([2, 1]);

    stored.push(text(3, 'hello'), text(4, 'no'));
    fake.reconnect();
    await settle();
    frames.run();
    expect(listCalls().at(-1)).toEqual({ limit: CATCH_UP_LIMIT, query: 'hello', after: 2 });
    expect(rowIds(store.getState().rows)).toEqual([3, 2, 1]);
  });

  it('shows a failed catch-up and catches up on retry', async () => {
    const stored = [text(1, 'hello')];
    const server = fakeServer(stored);
    let fail = true;
    const { fake, frames, store } = setup({
      'deliveries.list': (input) => {
        if (input.after !== undefined && fail) throw new ContractError('unavailable', 'Cannot reach core');
        return server(input);
      },
    });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();
    stored.push(text(2, 'hello'));
    fake.emit('delivery.added', { items: [makeItem(2)] });
    frames.run();
    await settle();
    expect(store.getState().loadError?.message).toMatch(/Cannot reach core/);

    fail = false;
    store.getState().retry();
    await settle();
    frames.run();
    expect(store.getState().loadError).toBeNull();
    expect(rowIds(store.getState().rows)).toEqual([2, 1]);
  });

  it('asks nothing once stopped, even for a catch-up already waiting for its frame', async () => {
    const { fake, frames, store, listCalls } = setup({ 'deliveries.list': fakeServer([text(1, 'hello')]) });
    store.getState().start();
    store.getState().setFilter({ query: 'hello' });
    await settle();
    const asked = listCalls().length;
    fake.emit('delivery.added', { items: [makeItem(2)] });
    store.getState().stop();
    frames.run();
    await settle();
    expect(listCalls()).toHaveLength(asked);
  });
});

describe('deliveries store while the server’s search index trails its commits', () => {
  it('says how many newest deliveries a word search could not see, and asks again until it sees them', async () => {
    const stored = [text(1, 'hello a'), text(2, 'hello b'), text(3, 'hello c')];
    let indexedUpTo = 1;
    const server = fakeServer(stored);
    const list = (input: ListInput) => {
      const page = server(input);
      if (input.query === undefined) return page;
      // Words find only what the index holds; the page says how many it could not see.
      const items = page.items.filter((item) => item.id <= indexedUpTo);
      const unsearched = stored.length - indexedUpTo;
      return { items, total: items.length, ...(unsearched > 0 ? { unsearched } : {}) };
    };
    const fake = createFakeClient({ 'deliveries.list': list });
    const frames = createManualFrames();
    const stores = createDeliveriesStores(fake.client, {
      scheduleFrame: frames.schedule,
      unsearchedRetryMs: 5,
    });
    const store = stores.list;
    store.getState().start();
    await settle();
    store.getState().setFilter({ query: 'hello' });
    await settle();
    expect(rowIds(store.getState().rows)).toEqual([1]);
    expect(store.getState().unsearched).toBe(2);

    // The index catches up; no delivery arrives to prompt a new query, the store asks by itself.
    indexedUpTo = 3;
    await new Promise((resolve) => setTimeout(resolve, 20));
    frames.run();
    await settle();
    frames.run();
    expect(rowIds(store.getState().rows)).toEqual([3, 2, 1]);
    expect(store.getState().unsearched).toBe(0);
    store.getState().stop();
  });
});
