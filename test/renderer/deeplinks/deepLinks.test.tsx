import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatHash, parseHash } from '../../../src-renderer/features/deeplinks/hashRoute';
import { input, openDelivery, renderApp } from '../support/app';
import { settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

installFakeLayout();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('deep link routes', () => {
  it('reads a delivery and a filter from the hash, and leaves out what is not valid', () => {
    expect(parseHash('#/d/123')).toEqual({ deliveryId: 123, filter: null });
    expect(parseHash('#/?q=pizza%20now&kind=message&status=4xx&inbox=shop')).toEqual({
      deliveryId: null,
      filter: { inbox: 'shop', query: 'pizza now', kind: 'message', status: '4xx' },
    });
    expect(parseHash('#/d/7?status=999&platform=nope&from=2025-03-01T00:00:00.000Z')).toEqual({
      deliveryId: 7,
      filter: { from: '2025-03-01T00:00:00.000Z' },
    });
    expect(parseHash('')).toBeNull();
    expect(parseHash('#section')).toBeNull();
    expect(parseHash('#/d/0')).toBeNull();
  });

  it('writes the same routes back', () => {
    expect(formatHash({ deliveryId: 5, filter: { query: 'a b', userId: '42' } })).toBe('#/d/5?q=a+b&user=42');
    expect(formatHash({ deliveryId: null, filter: {} })).toBe('#/');
    const hash = formatHash({ deliveryId: 9, filter: { status: 404, problem: 'any', chatId: '-100' } });
    expect(parseHash(hash)).toEqual({
      deliveryId: 9,
      filter: { status: 404, problem: 'any', chatId: '-100' },
    });
  });
});

describe('deep links in the app', () => {
  it('opens the delivery and applies the filter a link names, as a new tab does', async () => {
    window.history.replaceState(null, '', '/#/d/2?q=hello&kind=message');
    const { fake, stores } = await renderApp();
    expect(fake.calls('deliveries.list').at(-1)?.input).toEqual({
      limit: 200,
      query: 'hello',
      kind: 'message',
    });
    expect(stores.selection.getState().openId).toBe(2);
    expect(screen.getByTestId('delivery-detail').textContent).toContain('#2');
    // The search bar shows what the list is filtered by.
    expect(input('search-input').value).toBe('hello');
    expect(input('filter-kind').value).toBe('message');
  });

  it('keeps the address in step with the selection and copies a link to the open delivery', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderApp();
    await openDelivery(3);
    expect(window.location.hash).toBe('#/d/3');
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-delivery-link'));
    });
    expect(writeText).toHaveBeenLastCalledWith(`${window.location.origin}/#/d/3`);
  });

  it('follows a hash changed by hand or by Back', async () => {
    const { stores } = await renderApp();
    window.history.replaceState(null, '', '/#/d/1?q=later');
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await act(settle);
    expect(stores.selection.getState().openId).toBe(1);
    expect(stores.deliveries.getState().filter).toEqual({ query: 'later' });
    expect(input('search-input').value).toBe('later');
  });
});
