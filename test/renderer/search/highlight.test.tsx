import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { searchTerms } from '../../../src-renderer/components/highlight/searchTerms';
import { splitByTerms } from '../../../src-renderer/components/highlight/splitByTerms';
import { DeliveriesProvider } from '../../../src-renderer/features/deliveries/context';
import { DeliveryDetailPane } from '../../../src-renderer/features/deliveries/DeliveryDetailPane';
import { DeliveryList } from '../../../src-renderer/features/deliveries/DeliveryList';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { makeDetail, makeItem } from '../support/deliveries';
import { createFakeClient, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

installFakeLayout(640);
afterEach(cleanup);

const marks = (element: Element | null) =>
  [...(element?.querySelectorAll('mark.search-match') ?? [])].map((mark) => mark.textContent);

describe('search terms', () => {
  it('splits a search as the index does and marks every occurrence, ignoring case', () => {
    expect(searchTerms('Hello  from.id 42 hello')).toEqual(['hello', 'from', 'id', '42']);
    expect(searchTerms(undefined)).toEqual([]);
    expect(splitByTerms('Say HELLO, hello!', ['hello'])).toEqual([
      { text: 'Say ', match: false },
      { text: 'HELLO', match: true },
      { text: ', ', match: false },
      { text: 'hello', match: true },
      { text: '!', match: false },
    ]);
    expect(splitByTerms('a.b*c', ['.b*'])).toEqual([
      { text: 'a', match: false },
      { text: '.b*', match: true },
      { text: 'c', match: false },
    ]);
  });

  it('marks the matched words in the rows and in the detail’s JSON and raw body', async () => {
    const text = 'order pizza now';
    const body = JSON.stringify({ text, from: { id: 4242 } });
    const fake = createFakeClient({
      'deliveries.list': () => ({
        items: [makeItem(1, { summary: { ...makeItem(1).summary, text } })],
        total: 1,
      }),
      'deliveries.get': ({ id }) =>
        makeDetail(id, { body: { base64: btoa(body), text: body, omitted: false } }),
    });
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
    const store = stores.list;
    store.getState().start();
    await act(settle);
    render(
      <DeliveriesProvider stores={stores}>
        <DeliveryList onOpen={() => {}} empty={null} />
        <DeliveryDetailPane receiverUrl="http://127.0.0.1:8787" />
      </DeliveriesProvider>,
    );
    act(() => store.getState().setFilter({ query: 'pizza 42' }));
    await act(settle);
    expect(marks(screen.getByTestId('row-text'))).toEqual(['pizza']);

    act(() => stores.selection.getState().open(1));
    await act(settle);
    fireEvent.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(marks(screen.getByTestId('json-tree'))).toEqual(['pizza', '42', '42']);
    fireEvent.click(screen.getByRole('tab', { name: 'Raw body' }));
    expect(marks(screen.getByTestId('raw-body'))).toEqual(['pizza', '42', '42']);

    // No search, nothing marked.
    act(() => store.getState().setFilter({}));
    await act(settle);
    expect(marks(screen.getByTestId('raw-body'))).toEqual([]);
  });
});
