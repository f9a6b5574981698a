import type { ReplayTarget } from '@contract';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TARGET } from '../../../src-renderer/features/replay/target';
import { change, input, openDelivery, renderApp, row } from '../support/app';
import { makeProfile } from '../support/bots';
import { deferred } from '../support/deferred';
import { makeDetail } from '../support/deliveries';
import { refuse, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { makeReplayProgress } from '../support/replay';

installFakeLayout();
beforeEach(() => window.localStorage.clear());
afterEach(cleanup);

const startButton = () => screen.getByTestId('replay-start') as HTMLButtonElement;
const startInput = (fake: Awaited<ReturnType<typeof renderApp>>['fake']) =>
  fake.calls('replay.start')[0]?.input;

async function openSingle(handlers: Parameters<typeof renderApp>[0] = {}) {
  const app = await renderApp({ 'replay.start': () => makeReplayProgress({ total: 1 }), ...handlers });
  await openDelivery(3);
  fireEvent.click(screen.getByTestId('replay-button'));
  return app;
}

describe('Replay dialog for one delivery', () => {
  it('opens on the default target and checks that it is an absolute http(s) URL', async () => {
    await openSingle();
    expect(screen.getByTestId('replay-dialog').textContent).toContain('Replay delivery #3');
    expect(input('replay-target').value).toBe(DEFAULT_TARGET);
    expect(startButton().disabled).toBe(false);

    change('replay-target', 'ftp://127.0.0.1/hook');
    expect(screen.getByTestId('replay-target-error').textContent).toMatch(/http:\/\/ or https:\/\//);
    expect(input('replay-target').getAttribute('aria-invalid')).toBe('true');
    expect(startButton().disabled).toBe(true);

    change('replay-target', '127.0.0.1:8000/webhook');
    expect(screen.getByTestId('replay-target-error').textContent).toMatch(/not an absolute URL/);
    expect(startButton().disabled).toBe(true);

    change('replay-target', ' https://bot.example.com/hook ');
    expect(screen.queryByTestId('replay-target-error')).toBeNull();
    expect(startButton().disabled).toBe(false);
  });

  it('refuses an edited body that is not JSON, with the parse error', async () => {
    await openSingle();
    expect(screen.queryByTestId('replay-body')).toBeNull();
    fireEvent.click(screen.getByTestId('replay-edit'));
    expect((screen.getByTestId('replay-body') as HTMLTextAreaElement).value).toBe(makeDetail(3).body.text);

    change('replay-body', '{"update_id": 3,');
    expect(screen.getByTestId('replay-body-error').textContent).toMatch(/^Not valid JSON: /);
    expect(startButton().disabled).toBe(true);
    change('replay-body', '{"update_id": 4}');
    expect(screen.queryByTestId('replay-body-error')).toBeNull();
    expect(startButton().disabled).toBe(false);
  });

  it('sends the exact input: edited body, headers, secret, concurrency and rate', async () => {
    const { fake } = await openSingle();
    change('replay-target', 'http://127.0.0.1:9000/bot');
    fireEvent.click(screen.getByTestId('replay-edit'));
    change('replay-body', '{"update_id": 99}');
    fireEvent.click(screen.getByTestId('replay-renumber'));
    change('replay-keep-headers', ' User-Agent, ,X-Trace ');
    fireEvent.click(screen.getByTestId('replay-header-add'));
    fireEvent.click(screen.getByTestId('replay-header-add'));
    const [name, second] = screen.getAllByTestId('replay-header-name');
    fireEvent.change(name as HTMLElement, { target: { value: 'X-Env' } });
    fireEvent.change(screen.getAllByTestId('replay-header-value')[0] as HTMLElement, {
      target: { value: 'staging' },
    });
    // The second row stays empty: not sent, and not an error.
    expect((second as HTMLInputElement).value).toBe('');
    change('replay-secret', 'bad token!');
    expect(screen.getByTestId('replay-secret-error')).toBeTruthy();
    expect(startButton().disabled).toBe(true);
    change('replay-secret', 's3cr3t_T0ken');
    change('replay-concurrency', '40');
    expect(screen.getByTestId('replay-concurrency-error').textContent).toMatch(/1 to 32/);
    change('replay-concurrency', '2');
    change('replay-rate', '-1');
    expect(screen.getByTestId('replay-rate-error')).toBeTruthy();
    change('replay-rate', '2.5');

    fireEvent.click(startButton());
    await act(settle);
    expect(startInput(fake)).toEqual({
      target: 'http://127.0.0.1:9000/bot',
      deliveryIds: [3],
      keepHeaders: ['User-Agent', 'X-Trace'],
      headers: [['X-Env', 'staging']],
      renumberUpdateId: true,
      concurrency: 2,
      secretToken: 's3cr3t_T0ken',
      editedBody: '{"update_id": 99}',
      ratePerSecond: 2.5,
    });
    // Nothing kept in the browser: the inspector remembers targets.
    expect(window.localStorage.length).toBe(0);
  });

  it('opens on the inbox’s last target as the inspector remembers it, and offers the recent ones', async () => {
    const targets: ReplayTarget[] = [
      { inbox: 'default', url: 'http://127.0.0.1:9000/bot', name: null, usedAt: '2026-01-02T00:00:00.000Z' },
      {
        inbox: 'default',
        url: 'https://staging.example/hook',
        name: 'staging',
        usedAt: '2026-01-01T00:00:00.000Z',
      },
    ];
    const { fake } = await openSingle({ 'replay.targets': () => ({ items: targets }) });
    await act(settle);
    expect(fake.calls('replay.targets')[0]?.input).toEqual({ inbox: 'default' });
    expect(input('replay-target').value).toBe('http://127.0.0.1:9000/bot');
    const recent = screen.getAllByTestId('replay-recent-target');
    expect(recent.map((item) => item.textContent)).toEqual([
      'http://127.0.0.1:9000/botName',
      'staginghttps://staging.example/hookRename',
    ]);
    fireEvent.click(within(recent[1] as HTMLElement).getByTestId('replay-recent-pick'));
    expect(input('replay-target').value).toBe('https://staging.example/hook');
  });

  it('keeps what was typed when the remembered targets arrive later', async () => {
    const late = deferred<{ items: ReplayTarget[] }>();
    await openSingle({ 'replay.targets': () => late.promise });
    change('replay-target', 'http://127.0.0.1:7000/typed');
    late.resolve({
      items: [
        {
          inbox: 'default',
          url: 'http://127.0.0.1:9000/bot',
          name: null,
          usedAt: '2026-01-02T00:00:00.000Z',
        },
      ],
    });
    await act(settle);
    expect(input('replay-target').value).toBe('http://127.0.0.1:7000/typed');
    expect(screen.getAllByTestId('replay-recent-target')).toHaveLength(1);
  });

  it('names a remembered target in the inspector and shows the name', async () => {
    let targets: ReplayTarget[] = [
      { inbox: 'default', url: 'http://127.0.0.1:9000/bot', name: null, usedAt: '2026-01-02T00:00:00.000Z' },
    ];
    const { fake } = await openSingle({
      'replay.targets': () => ({ items: targets }),
      'replay.nameTarget': ({ inbox, url, name }) => {
        targets = [{ inbox, url, name: name ?? null, usedAt: '2026-01-02T00:00:00.000Z' }];
        return targets[0] as ReplayTarget;
      },
    });
    await act(settle);
    fireEvent.click(screen.getByTestId('replay-recent-name'));
    change('replay-target-name', ' local bot ');
    fireEvent.click(screen.getByTestId('replay-target-name-save'));
    await act(settle);
    expect(fake.calls('replay.nameTarget')[0]?.input).toEqual({
      inbox: 'default',
      url: 'http://127.0.0.1:9000/bot',
      name: 'local bot',
    });
    expect(screen.getByTestId('replay-recent-pick').textContent).toBe('local bot');
  });

  it('edits the body as it came: what is not edited keeps its original formatting', async () => {
    const text = '{ "update_id": 3,\n  "message": {"text":"hi",   "big": 12345678901234567890} }';
    const { fake } = await openSingle({
      'deliveries.get': ({ id }) => makeDetail(id, { body: { base64: btoa(text), text, omitted: false } }),
    });
    fireEvent.click(screen.getByTestId('replay-edit'));
    expect((screen.getByTestId('replay-body') as HTMLTextAreaElement).value).toBe(text);
    change('replay-body', text.replace('"hi"', '"hello"'));
    fireEvent.click(startButton());
    await act(settle);
    expect((startInput(fake) as { editedBody?: string } | undefined)?.editedBody).toBe(
      '{ "update_id": 3,\n  "message": {"text":"hello",   "big": 12345678901234567890} }',
    );
  });

  it('sends the original bytes when the editor is opened but nothing is changed', async () => {
    const { fake } = await openSingle();
    fireEvent.click(screen.getByTestId('replay-edit'));
    fireEvent.click(startButton());
    await act(settle);
    expect(startInput(fake)).toEqual({
      target: DEFAULT_TARGET,
      deliveryIds: [3],
      keepHeaders: [],
      headers: [],
      renumberUpdateId: false,
      concurrency: 4,
    });
  });

  it("shows the inspector's refusal and keeps the form", async () => {
    const { fake } = await openSingle({
      'replay.start': refuse('bad-input', 'Nothing to replay: no delivery matches.'),
    });
    fireEvent.click(startButton());
    await act(settle);
    expect(fake.calls('replay.start')).toHaveLength(1);
    expect(screen.getByTestId('replay-error').textContent).toBe('Nothing to replay: no delivery matches.');
    expect(screen.getByTestId('replay-start')).toBeTruthy();
  });
});

describe("Replay with the profile's webhook secret", () => {
  const secretBox = () => input('replay-secret-from-profile');

  it('is off while the selected profile keeps no secret', async () => {
    await openSingle({
      'profiles.list': () => ({ items: [makeProfile(2, { name: 'TG', platform: 'telegram' })] }),
    });
    expect(secretBox().disabled).toBe(true);
    expect(screen.getByTestId('replay-secret-from-profile-note').textContent).toMatch(
      /keeps no webhook secret/,
    );
  });

  it('sends secretFromProfileId for the selected profile, and not the typed secret token', async () => {
    const { fake, stores } = await openSingle({
      'profiles.list': () => ({
        items: [
          makeProfile(2, { name: 'TG', platform: 'telegram', hasWebhookSecret: true }),
          makeProfile(5, { name: 'Other', platform: 'telegram', hasWebhookSecret: true }),
        ],
      }),
    });
    act(() => stores.profiles.getState().select(5));
    change('replay-secret', 'bad token!');
    expect(startButton().disabled).toBe(true);
    expect(secretBox().disabled).toBe(false);
    fireEvent.click(secretBox());
    expect(secretBox().checked).toBe(true);
    // The typed token is set aside: disabled, not checked, not sent.
    expect(input('replay-secret').disabled).toBe(true);
    expect(screen.queryByTestId('replay-secret-error')).toBeNull();
    expect(startButton().disabled).toBe(false);

    fireEvent.click(startButton());
    await act(settle);
    expect(startInput(fake)).toEqual({
      target: DEFAULT_TARGET,
      deliveryIds: [3],
      keepHeaders: [],
      headers: [],
      renumberUpdateId: false,
      concurrency: 4,
      secretFromProfileId: 5,
    });
    expect(startInput(fake)).not.toHaveProperty('secretToken');
  });
});

describe('Replay of several deliveries', () => {
  it('ticks rows without opening them, and replays the selection by id, oldest first', async () => {
    const { fake, stores } = await renderApp({ 'replay.start': () => makeReplayProgress() });
    await openDelivery(2);
    fireEvent.click(within(row(3)).getByTestId('row-select'));
    fireEvent.click(row(1), { ctrlKey: true });
    // Neither the checkbox nor ctrl-click changed the open delivery.
    expect(stores.selection.getState().openId).toBe(2);
    expect(screen.getByTestId('selection-count').textContent).toBe('2 selected');
    expect((within(row(3)).getByTestId('row-select') as HTMLInputElement).checked).toBe(true);
    expect(row(1).className).toContain('checked');

    fireEvent.click(screen.getByTestId('replay-selected'));
    expect(screen.getByTestId('replay-dialog').textContent).toContain('Replay 2 selected deliveries');
    // Several deliveries: no body editor.
    expect(screen.queryByTestId('replay-edit')).toBeNull();
    fireEvent.click(startButton());
    await act(settle);
    expect(startInput(fake)).toEqual({
      target: DEFAULT_TARGET,
      deliveryIds: [1, 3],
      keepHeaders: [],
      headers: [],
      renumberUpdateId: false,
      concurrency: 4,
    });
  });

  it('ranges with shift-click, untick with a second click, and clears the selection', async () => {
    const { stores } = await renderApp();
    fireEvent.click(within(row(3)).getByTestId('row-select'));
    fireEvent.click(within(row(1)).getByTestId('row-select'), { shiftKey: true });
    expect([...stores.selection.getState().ticked].sort()).toEqual([1, 2, 3]);
    fireEvent.click(row(2), { metaKey: true });
    expect(screen.getByTestId('selection-count').textContent).toBe('2 selected');
    fireEvent.click(screen.getByTestId('selection-clear'));
    expect(screen.queryByTestId('selection-count')).toBeNull();
    expect(screen.queryByTestId('replay-selected')).toBeNull();
    expect(stores.selection.getState().openId).toBeNull();
  });

  it('ticks the open row with Space on the list', async () => {
    const { stores } = await renderApp();
    await openDelivery(2);
    const grid = screen.getByTestId('delivery-list');
    fireEvent.keyDown(grid, { key: ' ' });
    expect([...stores.selection.getState().ticked]).toEqual([2]);
    fireEvent.keyDown(grid, { key: ' ' });
    expect(stores.selection.getState().ticked.size).toBe(0);
  });

  it('drops the ticks when the filter changes', async () => {
    const { stores } = await renderApp();
    fireEvent.click(within(row(1)).getByTestId('row-select'));
    act(() => stores.deliveries.getState().setInbox('shop'));
    await act(settle);
    expect(stores.selection.getState().ticked.size).toBe(0);
  });

  it('replays everything the current filter matches, by filter', async () => {
    const { fake, stores } = await renderApp({ 'replay.start': () => makeReplayProgress() });
    act(() => stores.deliveries.getState().setFilter({ inbox: 'shop', query: 'hello', status: '5xx' }));
    await act(settle);
    fireEvent.click(screen.getByTestId('replay-filtered'));
    expect(screen.getByTestId('replay-dialog').textContent).toContain(
      'Replay all 3 matching deliveries in shop',
    );
    fireEvent.click(startButton());
    await act(settle);
    expect(startInput(fake)).toEqual({
      target: DEFAULT_TARGET,
      filter: { inbox: 'shop', query: 'hello', status: '5xx' },
      keepHeaders: [],
      headers: [],
      renumberUpdateId: false,
      concurrency: 4,
    });
  });
});

describe('Replay progress', () => {
  it('follows replay.progress for its job, and Cancel calls replay.cancel', async () => {
    const { fake } = await renderApp({
      'replay.start': () => makeReplayProgress({ jobId: 'job-7', total: 3 }),
      'replay.cancel': ({ jobId }) => makeReplayProgress({ jobId, total: 3, done: 2, failed: 1 }),
    });
    await openDelivery(3);
    fireEvent.click(screen.getByTestId('replay-button'));
    fireEvent.click(startButton());
    await act(settle);

    const bar = screen.getByTestId('replay-progress');
    expect(bar.getAttribute('role')).toBe('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    expect(screen.getByTestId('replay-state').textContent).toBe('Running…');

    act(() =>
      fake.emit('replay.progress', makeReplayProgress({ jobId: 'job-7', total: 3, done: 2, failed: 1 })),
    );
    // Another job's progress is not this one's.
    act(() =>
      fake.emit(
        'replay.progress',
        makeReplayProgress({ jobId: 'other', total: 9, done: 9, state: 'finished' }),
      ),
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(screen.getByTestId('replay-counts').textContent).toBe('2 of 3 sent · 1 failed');

    fireEvent.click(screen.getByTestId('replay-cancel'));
    await act(settle);
    expect(fake.calls('replay.cancel').map((call) => call.input)).toEqual([{ jobId: 'job-7' }]);
    expect(screen.getByTestId('replay-state').textContent).toBe('Cancelling…');
    expect((screen.getByTestId('replay-cancel') as HTMLButtonElement).disabled).toBe(true);

    act(() =>
      fake.emit(
        'replay.progress',
        makeReplayProgress({ jobId: 'job-7', total: 3, done: 2, failed: 1, state: 'cancelled' }),
      ),
    );
    expect(screen.getByTestId('replay-state').textContent).toBe('Cancelled after 2 of 3.');
    expect(screen.queryByTestId('replay-cancel')).toBeNull();
  });

  it('keeps events that overtake the answer to replay.start, and says when the job finished', async () => {
    const answer = deferred<ReturnType<typeof makeReplayProgress>>();
    const { fake } = await renderApp({ 'replay.start': () => answer.promise });
    await openDelivery(3);
    fireEvent.click(screen.getByTestId('replay-button'));
    fireEvent.click(startButton());
    await act(settle);
    expect(startButton().disabled).toBe(true);

    act(() =>
      fake.emit(
        'replay.progress',
        makeReplayProgress({ jobId: 'job-9', total: 1, done: 1, state: 'finished' }),
      ),
    );
    answer.resolve(makeReplayProgress({ jobId: 'job-9', total: 1 }));
    await act(settle);
    const bar = screen.getByTestId('replay-progress');
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(screen.getByTestId('replay-state').textContent).toBe('Finished: every request got a 2xx answer.');
  });

  it('lists the deliveries without a 2xx answer, each opening its detail, and colours the bar when all failed', async () => {
    const { fake } = await renderApp({
      'replay.start': () => makeReplayProgress({ jobId: 'job-4', total: 3 }),
    });
    fireEvent.click(screen.getByTestId('replay-filtered'));
    fireEvent.click(startButton());
    await act(settle);
    const view = () => screen.getByTestId('replay-progress').parentElement as HTMLElement;
    act(() =>
      fake.emit(
        'replay.progress',
        makeReplayProgress({
          jobId: 'job-4',
          total: 3,
          done: 3,
          failed: 2,
          failedIds: [1, 3],
          state: 'finished',
        }),
      ),
    );
    expect(screen.getByTestId('replay-state').textContent).toBe('Finished: 2 without a 2xx answer.');
    expect(view().getAttribute('data-outcome')).toBe('some-failed');
    const links = screen.getAllByTestId('replay-failed-link');
    expect(links.map((link) => link.textContent)).toEqual(['Delivery #1', 'Delivery #3']);

    act(() =>
      fake.emit(
        'replay.progress',
        makeReplayProgress({
          jobId: 'job-4',
          total: 3,
          done: 3,
          failed: 3,
          failedIds: [1, 2, 3],
          state: 'finished',
        }),
      ),
    );
    expect(view().getAttribute('data-outcome')).toBe('all-failed');
    expect(screen.getByTestId('replay-state').textContent).toBe('Finished: none of 3 got a 2xx answer.');

    fireEvent.click(screen.getAllByTestId('replay-failed-link')[1] as HTMLElement);
    await act(settle);
    expect(screen.queryByTestId('replay-dialog')).toBeNull();
    expect(fake.calls('deliveries.get').at(-1)?.input).toEqual({ id: 2 });
  });

  it('keeps a running job while its dialog is closed, and shows it again from the list header', async () => {
    const { fake } = await renderApp({ 'replay.start': () => makeReplayProgress({ jobId: 'job-3' }) });
    fireEvent.click(screen.getByTestId('replay-filtered'));
    fireEvent.click(startButton());
    await act(settle);
    // Start went away with the form: Escape must work from wherever focus fell.
    expect(document.activeElement).toBe(screen.getByTestId('replay-dialog'));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByTestId('replay-dialog')).toBeNull();
    act(() => fake.emit('replay.progress', makeReplayProgress({ jobId: 'job-3', done: 1 })));
    expect(screen.getByTestId('replay-running').textContent).toBe('Replaying 1/3…');
    fireEvent.click(screen.getByTestId('replay-running'));
    expect(screen.getByTestId('replay-progress').getAttribute('aria-valuenow')).toBe('1');
  });
});
