import type { BotProfile } from '@contract';
import { ContractError } from '@contract/errors';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogsPanel } from '../../../src-renderer/features/logs/LogsPanel';
import { makeLogEntry, makeProfile } from '../support/bots';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { renderWithStores } from '../support/render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const SOLAFON = makeProfile(2, { appId: 'app1', hasJwt: true });
const at = (second: number) => new Date(Date.UTC(2024, 0, 1, 12, 0, second)).toISOString();

const LOG = [
  makeLogEntry({ updateId: 101, status: 200, time: at(0), responseTimeMs: 95 }),
  makeLogEntry({ updateId: 102, status: 500, time: at(10), responseTimeMs: 310 }),
  makeLogEntry({
    updateId: 102,
    status: null,
    error: 'Connection refused',
    time: at(20),
    responseTimeMs: null,
  }),
  makeLogEntry({ updateId: 103, status: 200, time: null, responseTimeMs: null }),
];

function setup(handlers: Handlers, profile: BotProfile = SOLAFON) {
  const fake = createFakeClient(handlers);
  return { fake, ...renderWithStores(fake.client, () => <LogsPanel profile={profile} />) };
}

const rows = () => screen.queryAllByTestId('log-row');
const split = () =>
  screen
    .getAllByTestId('status-count')
    .map((item) => [item.dataset.status, item.querySelector('.status-count')?.textContent]);

describe('Logs panel', () => {
  it("lists the profile's delivery attempts with unknowns said as such", async () => {
    const { fake } = setup({ 'logs.list': () => ({ items: LOG }) });
    await act(settle);
    expect(fake.calls('logs.list').map((call) => call.input)).toEqual([{ profileId: 2 }]);
    expect(rows()).toHaveLength(4);
    const cells = (index: number) =>
      within(rows()[index] as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(1).slice(1)).toEqual(['102', '500', '310 ms']);
    expect(cells(2).slice(1)).toEqual(['102', 'no answer Connection refused', '—']);
    expect(cells(3)).toEqual(['unknown', '103', '200', '—']);
    expect(screen.getByTestId('logs-count').textContent).toBe('4 attempts');
  });

  it('filters by status class and text; the chart and the split follow the filter', async () => {
    setup({ 'logs.list': () => ({ items: LOG }) });
    await act(settle);
    expect(split()).toEqual([
      ['200', '2'],
      ['500', '1'],
      ['no answer', '1'],
    ]);
    const chart = screen.getByTestId('logs-chart');
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelectorAll('circle.chart-point-failed')).toHaveLength(2);
    expect(chart.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(2);

    const filter = screen.getByTestId('logs-filter');
    fireEvent.change(within(filter).getByTestId('logs-filter-status'), { target: { value: 'failed' } });
    expect(rows()).toHaveLength(2);
    expect(split()).toEqual([
      ['500', '1'],
      ['no answer', '1'],
    ]);
    expect(screen.getByTestId('logs-count').textContent).toBe('2 of 4 attempts');

    fireEvent.change(within(filter).getByTestId('logs-filter-text'), { target: { value: 'refused' } });
    expect(rows()).toHaveLength(1);
    expect(split()).toEqual([['no answer', '1']]);

    fireEvent.change(within(filter).getByTestId('logs-filter-status'), { target: { value: '2xx' } });
    fireEvent.change(within(filter).getByTestId('logs-filter-text'), { target: { value: '103' } });
    expect(rows()).toHaveLength(1);
    expect(split()).toEqual([['200', '1']]);

    fireEvent.change(within(filter).getByTestId('logs-filter-text'), {
      target: { value: 'nothing like it' },
    });
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('logs-panel').textContent).toContain('No attempt matches.');
  });

  it("explains Telegram's missing log instead of failing", async () => {
    setup(
      {
        'logs.list': () => {
          throw new ContractError(
            'bad-input',
            'getWebhookLogs failed: Telegram keeps no delivery log; its getWebhookInfo shows the last error instead. [not sent]',
            {
              kind: 'refused',
              description: 'Telegram keeps no delivery log; its getWebhookInfo shows the last error instead.',
            },
          );
        },
      },
      makeProfile(3, { platform: 'telegram' }),
    );
    await act(settle);
    const note = screen.getByTestId('logs-unavailable');
    expect(note.textContent).toBe(
      'Telegram keeps no delivery log; its getWebhookInfo shows the last error instead.',
    );
    expect(note.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('logs-chart')).toBeNull();
  });

  it('shows a real failure as an error, keeping what was read before', async () => {
    let fail = false;
    setup({
      'logs.list': () => {
        if (fail)
          throw new ContractError('upstream', 'getWebhookLogs failed (HTTP 401): Unauthorized', {
            kind: 'api',
            status: 401,
          });
        return { items: LOG };
      },
    });
    await act(settle);
    fail = true;
    fireEvent.click(screen.getByTestId('logs-refresh'));
    await act(settle);
    expect(screen.getByTestId('logs-error').textContent).toContain('HTTP 401');
    expect(rows()).toHaveLength(4);
  });

  it('refreshes every 5 s while shown and stops when unmounted', async () => {
    vi.useFakeTimers();
    let items = LOG.slice(0, 1);
    const { fake, unmount } = setup({ 'logs.list': () => ({ items }) });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(rows()).toHaveLength(1);
    items = LOG;
    await act(() => vi.advanceTimersByTimeAsync(4_999));
    expect(fake.calls('logs.list')).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(fake.calls('logs.list')).toHaveLength(2);
    expect(rows()).toHaveLength(4);

    fireEvent.click(screen.getByTestId('logs-refresh'));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(fake.calls('logs.list')).toHaveLength(3);

    unmount();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.calls('logs.list')).toHaveLength(3);
  });
});
