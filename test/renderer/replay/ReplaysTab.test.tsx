import type { DeliveryDetail, ReplayAttempt } from '@contract';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256OfBase64 } from '../../../src-renderer/features/replay/sha256';
import { openDelivery, renderApp } from '../support/app';
import { makeDetail } from '../support/deliveries';
import { type Handlers, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { DETAIL_3_BODY_SHA256, makeAttempt, makeReplayProgress } from '../support/replay';

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
    sentBody: '{"update_id":3,"text":"changed"}',
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

async function openReplays(
  detail: DeliveryDetail = makeDetail(3),
  attempts: ReplayAttempt[] = ATTEMPTS,
  handlers: Handlers = {},
) {
  const app = await renderApp({
    'deliveries.get': ({ id }) => (id === 3 ? detail : makeDetail(id)),
    'replay.attempts': ({ deliveryId }) => ({ items: deliveryId === 3 ? attempts : [] }),
    ...handlers,
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

  it('calls a replay with only update_id renumbered “renumbered”, not edited', async () => {
    await openReplays(makeDetail(3), [
      makeAttempt(12, { sentBodySha256: 'e'.repeat(64), sentBody: '{"update_id":77,"text":"message 3"}' }),
    ]);
    await waitFor(() => expect(flag()).toMatch(/^renumbered/));
    expect(flag()).not.toMatch(/edited/);
  });

  it('shows the exact request sent, and diffs the request and the answer against the original', async () => {
    await openReplays(makeDetail(3), [
      makeAttempt(12, {
        status: 202,
        responseBody: '{"handled":true}',
        sentBodySha256: 'e'.repeat(64),
        sentHeaders: [
          ['content-type', 'application/json'],
          ['x-telegram-bot-api-secret-token', 'tok'],
        ],
        sentBody: '{"update_id":3,"text":"changed"}',
      }),
    ]);
    const sent = screen.getByTestId('replay-sent-request');
    expect(sent.textContent).toContain('POST http://127.0.0.1:8000/webhook');
    expect(within(sent).getByTestId('replay-sent-headers').textContent).toContain(
      'x-telegram-bot-api-secret-token',
    );
    expect(within(sent).getByTestId('replay-sent-body').textContent).toBe('{"update_id":3,"text":"changed"}');

    const lines = (testId: string, kind: string) =>
      Array.from(
        screen.getByTestId(testId).querySelectorAll(`[data-kind="${kind}"]`),
        (line) => line.textContent,
      );
    expect(lines('replay-diff-body', 'removed')).toEqual(['-   "text": "message 3"']);
    expect(lines('replay-diff-body', 'added')).toEqual(['+   "text": "changed"']);
    expect(lines('replay-diff-headers', 'added')).toEqual(['+ x-telegram-bot-api-secret-token: tok']);
    expect(lines('replay-diff-answer', 'removed')).toContain('- status 200');
    expect(lines('replay-diff-answer', 'added')).toContain('+ status 202');
  });

  it('says so when the request sent is the original', async () => {
    await openReplays(makeDetail(3), [makeAttempt(12)]);
    expect(screen.getByTestId('replay-diff-body').dataset.changed).toBe('false');
    expect(screen.getByTestId('replay-sent-body').textContent).toBe(makeDetail(3).body.text);
  });

  it('replays an attempt again to the same target, with the request as it was sent', async () => {
    const edited = makeAttempt(12, {
      target: 'http://127.0.0.1:9100/bot',
      sentBodySha256: 'e'.repeat(64),
      sentHeaders: [
        ['content-type', 'application/json'],
        ['x-env', 'staging'],
      ],
      sentBody: '{"update_id":3,"text":"changed"}',
    });
    const { fake } = await openReplays(makeDetail(3), [edited], {
      'replay.start': () => makeReplayProgress({ total: 1 }),
    });
    fireEvent.click(screen.getByTestId('replay-send-again'));
    await act(settle);
    expect(fake.calls('replay.start').map((call) => call.input)).toEqual([
      {
        target: 'http://127.0.0.1:9100/bot',
        deliveryIds: [3],
        headers: [
          ['content-type', 'application/json'],
          ['x-env', 'staging'],
        ],
        keepHeaders: [],
        renumberUpdateId: false,
        concurrency: 1,
        editedBody: '{"update_id":3,"text":"changed"}',
      },
    ]);
    // Its progress shows in the replay dialog.
    expect(screen.getByTestId('replay-dialog')).toBeTruthy();
    expect(screen.getByTestId('replay-progress')).toBeTruthy();
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
