import type { DeliveryDetail } from '@contract';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256OfBase64 } from '../../src-renderer/features/replay/sha256';
import { openDelivery, renderApp } from './support/app';
import { makeDetail } from './support/deliveries';
import { settle } from './support/fakeClient';
import { installFakeLayout } from './support/layout';
import { DETAIL_3_BODY_SHA256, makeAttempt, makeReplayProgress } from './support/replay';

installFakeLayout();
afterEach(cleanup);

const ATTEMPTS = [
  makeAttempt(11, {
    status: 201,
    responseHeaders: [
      ['content-type', 'application/json'],
      ['x-bot', 'v2'],
    ],
    responseBody: '{"handled":true}',
  }),
  makeAttempt(10, {
    status: 500,
    responseBody: 'Internal error…',
    responseTruncated: true,
    sentBodySha256: 'f'.repeat(64),
    durationMs: 340,
  }),
  makeAttempt(9, {
    target: 'http://127.0.0.1:9/down',
    status: null,
    error: 'connection refused',
    responseHeaders: [],
    responseBody: '',
  }),
];

async function openReplays(detail: DeliveryDetail = makeDetail(3)) {
  const app = await renderApp({
    'deliveries.get': ({ id }) => (id === 3 ? detail : makeDetail(id)),
    'replay.attempts': ({ deliveryId }) => ({ items: deliveryId === 3 ? ATTEMPTS : [] }),
  });
  await openDelivery(3);
  fireEvent.click(screen.getByRole('tab', { name: 'Replays' }));
  await act(settle);
  return app;
}

const flag = () => screen.getByTestId('replay-body-flag').textContent ?? '';

describe('Replays tab', () => {
  it('lists the attempts with target, time, status or error, and duration', async () => {
    const { fake } = await openReplays();
    expect(screen.getByTestId('detail-tab-replays')).toBeTruthy();
    expect(fake.calls('replay.attempts').map((call) => call.input)).toEqual([{ deliveryId: 3 }]);
    const attempts = screen.getAllByTestId('replay-attempt');
    expect(attempts.map((item) => item.dataset.attemptId)).toEqual(['11', '10', '9']);
    expect(attempts[1]?.textContent).toContain('500');
    expect(attempts[1]?.textContent).toContain('340 ms');
    expect(attempts[1]?.textContent).toContain('http://127.0.0.1:8000/webhook');
    expect(attempts[2]?.textContent).toContain('connection refused');
    expect(attempts[0]?.getAttribute('aria-pressed')).toBe('true');
  });

  it('compares our answer to the platform with the replay answer, and flags an identical body', async () => {
    await openReplays();
    const compare = screen.getByTestId('replay-compare');
    const original = within(compare).getByTestId('compare-original');
    expect(original.querySelector('.status')?.textContent).toBe('200');
    expect(original.textContent).toContain('{"status":"success"}');
    const replay = within(compare).getByTestId('compare-replay');
    expect(replay.querySelector('.status')?.textContent).toBe('201');
    expect(replay.textContent).toContain('{"handled":true}');
    expect(within(replay).getByTestId('compare-headers').textContent).toContain('x-bot');
    expect(screen.queryByTestId('replay-truncated')).toBeNull();
    await waitFor(() => expect(flag()).toMatch(/sent body identical to original/i));
  });

  it('flags an edited body and a truncated answer when another attempt is picked', async () => {
    await openReplays();
    fireEvent.click(screen.getAllByTestId('replay-attempt')[1] as HTMLElement);
    await waitFor(() => expect(flag()).toMatch(/^edited/));
    expect(screen.getByTestId('compare-replay').querySelector('.status')?.textContent).toBe('500');
    expect(screen.getByTestId('replay-truncated').textContent).toMatch(/64 KiB/);

    fireEvent.click(screen.getAllByTestId('replay-attempt')[2] as HTMLElement);
    expect(screen.getByTestId('compare-replay').textContent).toContain('No answer: connection refused');
  });

  it('reads the attempts again when a replay ends, not while it runs', async () => {
    const { fake } = await openReplays();
    act(() => fake.emit('replay.progress', makeReplayProgress({ done: 1 })));
    await act(settle);
    expect(fake.calls('replay.attempts')).toHaveLength(1);
    act(() => fake.emit('replay.progress', makeReplayProgress({ done: 3, state: 'finished' })));
    await act(settle);
    expect(fake.calls('replay.attempts')).toHaveLength(2);

    // Once the tab is closed, nothing is read any more.
    fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
    act(() => fake.emit('replay.progress', makeReplayProgress({ jobId: 'job-2', state: 'finished' })));
    await act(settle);
    expect(fake.calls('replay.attempts')).toHaveLength(2);
  });

  it('says when a delivery was never replayed', async () => {
    await renderApp();
    await openDelivery(2);
    fireEvent.click(screen.getByRole('tab', { name: 'Replays' }));
    await act(settle);
    expect(screen.getByTestId('replays-empty').textContent).toMatch(/Not replayed yet/);
    expect(screen.queryByTestId('replay-compare')).toBeNull();
  });

  it('hashes the original body bytes as core does', async () => {
    await expect(sha256OfBase64(makeDetail(3).body.base64)).resolves.toBe(DETAIL_3_BODY_SHA256);
    // Not UTF-8: the bytes themselves are hashed, not a text decoding of them.
    await expect(sha256OfBase64('/wA=')).resolves.toBe(
      'ea5dbf9596d187e9500f23e9a680109475341cf4e81f7e043f7d97152c10772f',
    );
  });
});
