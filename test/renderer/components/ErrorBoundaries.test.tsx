import type { DeliveryDetail, DeliveryListItem } from '@contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, PanelBoundary } from '../../../src-renderer/components/ErrorBoundary';
import { openDelivery, renderApp, row } from '../support/app';
import { makeDetail, makeItem } from '../support/deliveries';
import { settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

installFakeLayout(640);

// React reports every caught render error on the console; the boundaries' own message is what is tested.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** An item the contract would refuse: a transport or an older store may still hand one over. */
const broken = (id: number) => ({ ...makeItem(id), summary: null }) as unknown as DeliveryListItem;

function Thrower({ message }: { message: string }): never {
  throw new Error(message);
}

describe('error boundaries', () => {
  it('an unknown problem code renders as a neutral badge, in the list and the detail', async () => {
    const item = { ...makeItem(2), problem: 'bogus' } as unknown as DeliveryListItem;
    await renderApp({
      'deliveries.list': () => ({ items: [makeItem(3), item, makeItem(1)], total: 3 }),
      'deliveries.get': ({ id }) =>
        ({ ...makeDetail(id), problem: id === 2 ? 'bogus' : null }) as DeliveryDetail,
    });
    const badge = row(2).querySelector('[data-testid="problem-badge"]') as HTMLElement;
    expect(badge.textContent).toBe('bogus');
    expect(badge.className).toBe('badge problem-other');
    await openDelivery(2);
    expect(screen.getByTestId('delivery-detail').textContent).toContain('does not know ("bogus")');
    expect(screen.queryByTestId('panel-failed')).toBeNull();
  });

  it('a row that cannot render is replaced by a note in its place; the other rows and opening it still work', async () => {
    await renderApp({
      'deliveries.list': () => ({ items: [makeItem(3), broken(2), makeItem(1)], total: 3 }),
    });
    expect(screen.getAllByTestId('delivery-row').map((r) => r.dataset.deliveryId)).toEqual(['3', '1']);
    const note = screen.getByTestId('broken-row');
    expect(note.dataset.deliveryId).toBe('2');
    expect(note.textContent).toContain('Delivery #2 could not be shown');
    fireEvent.click(note);
    await act(settle);
    expect(screen.getByTestId('delivery-detail').textContent).toContain('#2');
  });

  it('a detail tab that cannot render leaves the header and the other tabs usable', async () => {
    await renderApp({
      'deliveries.get': ({ id }) => ({ ...makeDetail(id), response: null }) as unknown as DeliveryDetail,
    });
    await openDelivery(1);
    fireEvent.click(screen.getByRole('tab', { name: 'Response' }));
    expect(screen.getByTestId('panel-failed').textContent).toMatch(/^The response tab could not be shown: /);
    expect(screen.getByTestId('replay-button')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
    expect(screen.queryByTestId('panel-failed')).toBeNull();
  });

  it('retry renders the children again, and a new reset key gives them a fresh try', () => {
    let fail = true;
    const Maybe = () => (fail ? <Thrower message="not yet" /> : <p>fine</p>);
    const { rerender } = render(
      <PanelBoundary name="test panel" resetKey="a">
        <Maybe />
      </PanelBoundary>,
    );
    expect(screen.getByTestId('panel-failed').textContent).toContain(
      'The test panel could not be shown: not yet',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine')).toBeTruthy();

    fail = true;
    rerender(
      <ErrorBoundary resetKey="b" fallback={(error) => <p>fallback: {error.message}</p>}>
        <Maybe />
      </ErrorBoundary>,
    );
    expect(screen.getByText('fallback: not yet')).toBeTruthy();
  });
});
