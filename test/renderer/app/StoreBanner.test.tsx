import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/app';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
afterEach(cleanup);

const unavailable = {
  engine: 'postgres' as const,
  state: 'unavailable' as const,
  reason: 'connection refused (127.0.0.1:5432)',
  since: '2026-01-01T12:00:00.000Z',
};

describe('the team database banner', () => {
  it('says when the database is away, what platforms are told, and goes when it is back', async () => {
    const { fake } = await renderApp();
    expect(screen.queryByTestId('store-unavailable')).toBeNull();
    act(() => fake.emit('store.status', unavailable));
    const banner = screen.getByTestId('store-unavailable');
    expect(banner.textContent).toContain('The team database cannot be reached');
    expect(banner.textContent).toContain('connection refused (127.0.0.1:5432)');
    expect(banner.textContent).toContain('answered 503');
    act(() => fake.emit('store.status', { ...unavailable, state: 'ok', reason: null }));
    expect(screen.queryByTestId('store-unavailable')).toBeNull();
  });

  it('shows it at once when the page opens during an outage', async () => {
    await renderApp({ 'app.status': () => unavailable });
    expect(screen.getByTestId('store-unavailable')).toBeTruthy();
  });
});
