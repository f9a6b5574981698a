import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { createStores, startStores } from '../../../src-renderer/app/allStores';
import { LIST_WIDTH_KEY } from '../../../src-renderer/features/layout/SplitWorkspace';
import { baseHandlers } from '../support/app';
import { makeItem } from '../support/deliveries';
import { createFakeClient, createManualFrames, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

// A wide window: 2,000 px leaves the list room to grow beside the detail's minimum.
installFakeLayout(2000);

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

async function setup() {
  const fake = createFakeClient(baseHandlers());
  const frames = createManualFrames();
  const stores = createStores(fake.client, { deliveries: { scheduleFrame: frames.schedule } });
  startStores(stores);
  render(<App stores={stores} />);
  await act(settle);
  return { fake, frames, stores };
}

const drag = (handle: HTMLElement, from: number, to: number) => {
  fireEvent.pointerDown(handle, { button: 0, clientX: from, pointerId: 1 });
  fireEvent.pointerMove(window, { clientX: to, pointerId: 1 });
  fireEvent.pointerUp(window, { clientX: to, pointerId: 1 });
};

const workspace = () => document.querySelector('main.workspace') as HTMLElement;

describe('layout', () => {
  it('moves the splitter by drag and by keys, and remembers where it was', async () => {
    await setup();
    const splitter = screen.getByTestId('splitter');
    // Three fifths of the window until dragged.
    expect(splitter.getAttribute('aria-valuenow')).toBe('1200');
    drag(splitter, 1200, 900);
    expect(workspace().style.gridTemplateColumns).toBe('900px auto minmax(360px, 1fr)');
    fireEvent.keyDown(splitter, { key: 'ArrowRight' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('916');
    expect(localStorage.getItem(LIST_WIDTH_KEY)).toBe('916');
    // Never narrower than the list's minimum.
    drag(splitter, 916, 0);
    expect(splitter.getAttribute('aria-valuenow')).toBe('420');

    cleanup();
    localStorage.setItem(LIST_WIDTH_KEY, '1000');
    await setup();
    expect(workspace().style.gridTemplateColumns).toBe('1000px auto minmax(360px, 1fr)');
  });

  it('resizes the list’s columns from their header edges', async () => {
    await setup();
    const grid = screen.getByTestId('delivery-list');
    expect(grid.style.getPropertyValue('--col-time')).toBe('128px');
    drag(screen.getByTestId('resize-time'), 200, 260);
    expect(grid.style.getPropertyValue('--col-time')).toBe('188px');
    fireEvent.keyDown(screen.getByTestId('resize-user'), { key: 'ArrowLeft' });
    expect(grid.style.getPropertyValue('--col-user')).toBe('144px');
    expect(localStorage.getItem('bwi-layout-col-time')).toBe('188');
  });

  it('holds the live list still while paused, counts what arrived, and says so in the title', async () => {
    const { fake, frames } = await setup();
    const scroller = screen.getByTestId('delivery-list').querySelector('.list-scroll') as HTMLElement;
    expect(document.title).toBe('Bot Webhook Inspector');

    fireEvent.click(screen.getByTestId('follow-toggle'));
    act(() => {
      fake.emit('delivery.added', { items: [makeItem(4), makeItem(5)] });
      frames.run();
    });
    expect(screen.getByTestId('arrived-while-paused').textContent).toBe(' · 2 new');
    expect(document.title).toBe('(2) Bot Webhook Inspector');
    // The row that was on top stays in view: the two new rows are above it, out of sight.
    expect(scroller.scrollTop).toBe(2 * 32);

    // f on the list follows the newest again: back to the top, nothing unseen.
    fireEvent.keyDown(screen.getByTestId('delivery-list'), { key: 'f' });
    expect(screen.getByTestId('follow-toggle').textContent).toBe('Pause');
    expect(scroller.scrollTop).toBe(0);
    expect(document.title).toBe('Bot Webhook Inspector');
  });

  it('counts deliveries that arrive while the page is in the background', async () => {
    const { fake, frames } = await setup();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      fake.emit('delivery.added', { items: [makeItem(4)] });
      frames.run();
    });
    expect(document.title).toBe('(1) Bot Webhook Inspector');
    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(document.title).toBe('Bot Webhook Inspector');
  });
});
