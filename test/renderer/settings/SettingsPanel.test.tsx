import type { InboxSettings } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStorage } from '../../../src-renderer/features/settings/storage';
import { change, input, renderApp } from '../support/app';
import { makeProfile } from '../support/bots';
import { type Handlers, refuse, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { makeInboxSettings } from '../support/replay';

installFakeLayout();
afterEach(cleanup);

const NO_TRANSFERS = { exportsBytes: 0, uploadsBytes: 0, transferQuotaBytes: 2 ** 31 };
const STORAGE = { ...NO_TRANSFERS, databaseBytes: 12_345_678, walBytes: 400_000, deliveries: 1234 };

/** Settings kept per inbox as core keeps them: configure changes the parts it is given, settings reads them. */
function fakeSettings(initial: Partial<InboxSettings> = {}): Handlers {
  const byInbox = new Map<string, InboxSettings>();
  const get = (inbox: string) => byInbox.get(inbox) ?? makeInboxSettings({ ...initial, inbox });
  return {
    'inboxes.retentionCount': () => ({ count: 0 }),
    'inboxes.settings': ({ inbox }) => get(inbox),
    'inboxes.configure': ({ inbox, ...patch }) => {
      const next = { ...get(inbox), ...patch } as InboxSettings;
      if (patch.rule !== undefined) next.ruleHits = 0;
      byInbox.set(inbox, next);
      return next;
    },
  };
}

async function openSettings(handlers: Handlers = {}, listInbox: string | null = null) {
  const app = await renderApp({
    ...fakeSettings(),
    'app.storage': () => STORAGE,
    ...handlers,
  });
  if (listInbox !== null) {
    act(() => app.stores.deliveries.getState().setInbox(listInbox));
    await act(settle);
  }
  fireEvent.click(screen.getByTestId('nav-settings'));
  await act(settle);
  return app;
}

const save = () => screen.getByTestId('settings-save') as HTMLButtonElement;
const configured = (fake: Awaited<ReturnType<typeof renderApp>>['fake']) =>
  fake.calls('inboxes.configure').map((call) => call.input);

describe('Inbox settings', () => {
  it("opens on the list's inbox, else the default one, and shows the storage line", async () => {
    const { fake } = await openSettings();
    expect(screen.getByTestId('settings-panel')).toBeTruthy();
    expect(screen.getByTestId('nav-settings').textContent).toBe('Inbox settings');
    expect(fake.calls('inboxes.settings').map((call) => call.input)).toEqual([{ inbox: 'default' }]);
    expect((screen.getByTestId('settings-inbox') as HTMLSelectElement).value).toBe('default');
    expect(screen.getByTestId('storage-size').textContent).toBe(
      'Storage: 12.7 MB on disk (database 12.3 MB + WAL 400 kB) · 1,234 deliveries in all inboxes',
    );
    expect(save().disabled).toBe(true);
    cleanup();

    const other = await openSettings({}, 'shop');
    expect(other.fake.calls('inboxes.settings').map((call) => call.input)).toEqual([{ inbox: 'shop' }]);
  });

  it('reads the storage size again each time the view opens', async () => {
    const { fake } = await openSettings();
    fireEvent.click(screen.getByTestId('nav-deliveries'));
    fireEvent.click(screen.getByTestId('nav-settings'));
    await act(settle);
    expect(fake.calls('app.storage')).toHaveLength(2);
  });

  it('sends only the changed parts: forwarding and retention', async () => {
    const { fake } = await openSettings({
      'inboxes.settings': () =>
        makeInboxSettings({ rule: { status: 503, body: 'busy', delayMs: 0, firstN: null, rate: null } }),
    });
    change('forward-mode', 'proxy');
    change('forward-url', 'ftp://127.0.0.1/hook');
    expect(screen.getByTestId('forward-url-error').textContent).toMatch(/http:\/\/ or https:\/\//);
    expect(save().disabled).toBe(true);
    change('forward-url', 'http://127.0.0.1:9000/hook');
    change('retention-count', '500');
    expect(save().disabled).toBe(false);
    fireEvent.click(save());
    await act(settle);
    expect(configured(fake)).toEqual([
      {
        inbox: 'default',
        forwarding: { url: 'http://127.0.0.1:9000/hook', mode: 'proxy' },
        retention: { keepCount: 500, keepDays: null },
      },
    ]);
  });

  it('names the bot profile that feeds the inbox, and refuses bad secrets with 401 when asked', async () => {
    const shop = makeProfile(5, { name: 'Shop', platform: 'telegram', hasWebhookSecret: true });
    const bare = makeProfile(6, { name: 'Bare', platform: 'telegram', hasWebhookSecret: false });
    const { fake } = await openSettings({ 'profiles.list': () => ({ items: [shop, bare] }) });
    const reject = () => screen.getByTestId('secret-check-reject') as HTMLInputElement;
    expect(reject().disabled).toBe(true);
    change('secret-check-profile', '6');
    expect(screen.getByTestId('secret-check-note').textContent).toMatch(/Bare keeps no webhook secret/);
    change('secret-check-profile', '5');
    fireEvent.click(reject());
    fireEvent.click(save());
    await act(settle);
    expect(configured(fake)).toEqual([{ inbox: 'default', secretCheck: { profileId: 5, reject: true } }]);

    change('secret-check-profile', '');
    fireEvent.click(save());
    await act(settle);
    expect(configured(fake).at(-1)).toEqual({ inbox: 'default', secretCheck: null });
  });

  it('says how many deliveries a retention would delete, and saves only after a yes', async () => {
    const { fake } = await openSettings({ 'inboxes.retentionCount': () => ({ count: 1234 }) });
    change('retention-count', '100');
    fireEvent.click(save());
    await act(settle);
    expect(fake.calls('inboxes.retentionCount').map((call) => call.input)).toEqual([
      { inbox: 'default', retention: { keepCount: 100, keepDays: null } },
    ]);
    expect(configured(fake)).toEqual([]);
    expect(screen.getByTestId('retention-confirm').textContent).toContain(
      'Saving deletes 1,234 deliveries of “default” now',
    );
    fireEvent.click(screen.getByText('Keep editing'));
    expect(screen.queryByTestId('retention-confirm')).toBeNull();
    expect(configured(fake)).toEqual([]);

    fireEvent.click(save());
    await act(settle);
    fireEvent.click(screen.getByTestId('retention-confirm-save'));
    await act(settle);
    expect(configured(fake)).toEqual([{ inbox: 'default', retention: { keepCount: 100, keepDays: null } }]);
  });

  it('does not save a retention when it cannot say how many it would delete', async () => {
    const { fake } = await openSettings({ 'inboxes.retentionCount': refuse('unavailable', 'database down') });
    change('retention-days', '3');
    fireEvent.click(save());
    await act(settle);
    expect(screen.getByTestId('retention-count-error').textContent).toContain('database down');
    expect(configured(fake)).toEqual([]);
  });

  it('sets, changes and removes a response rule, and shows how many it answered', async () => {
    const rule = { status: 503, body: 'busy', delayMs: 250, firstN: 5, rate: null };
    const { fake } = await openSettings(
      fakeSettings({ rule, ruleHits: 7, retention: { keepCount: 100, keepDays: 2 } }),
    );
    expect(screen.getByTestId('rule-hits').textContent).toBe('Answered 7 deliveries so far.');
    expect(input('rule-status').value).toBe('503');
    expect(input('rule-delay').value).toBe('250');
    expect(input('rule-first-n').value).toBe('5');
    expect(input('retention-days').value).toBe('2');

    change('rule-rate', '1.5');
    expect(screen.getByTestId('rule-rate-error')).toBeTruthy();
    expect(save().disabled).toBe(true);
    change('rule-rate', '0.5');
    change('rule-first-n', '');
    change('rule-body', '{"ok":false}');
    fireEvent.click(save());
    await act(settle);
    expect(configured(fake)).toEqual([
      {
        inbox: 'default',
        rule: { status: 503, body: '{"ok":false}', delayMs: 250, firstN: null, rate: 0.5 },
      },
    ]);
    // The saved rule is a new one: its count starts over.
    expect(screen.getByTestId('rule-hits').textContent).toBe('Answered 0 deliveries so far.');
    expect(input('rule-rate').value).toBe('0.5');

    fireEvent.click(screen.getByTestId('rule-enabled'));
    expect(screen.queryByTestId('rule-status')).toBeNull();
    fireEvent.click(save());
    await act(settle);
    expect(configured(fake)[1]).toEqual({ inbox: 'default', rule: null });
  });

  it('starts a new rule as a 500, and clears limits to null', async () => {
    const { fake } = await openSettings({
      'inboxes.settings': () =>
        makeInboxSettings({
          forwarding: { url: 'http://127.0.0.1:9000/hook', mode: 'tap' },
          retention: { keepCount: 100, keepDays: 2 },
        }),
    });
    fireEvent.click(screen.getByTestId('rule-enabled'));
    expect(input('rule-status').value).toBe('500');
    change('rule-status', '99');
    expect(screen.getByTestId('rule-status-error')).toBeTruthy();
    change('rule-status', '429');
    change('retention-count', '');
    change('forward-mode', 'none');
    fireEvent.click(save());
    await act(settle);
    expect(configured(fake)).toEqual([
      {
        inbox: 'default',
        forwarding: null,
        rule: { status: 429, body: '', delayMs: 0, firstN: null, rate: null },
        retention: { keepCount: null, keepDays: 2 },
      },
    ]);
  });

  it("shows the inspector's refusal and keeps what was typed", async () => {
    await openSettings({ 'inboxes.configure': refuse('bad-input', 'retention.keepDays: too big') });
    change('retention-days', '9999');
    fireEvent.click(save());
    await act(settle);
    expect(screen.getByTestId('settings-error').textContent).toBe('Not saved: retention.keepDays: too big');
    expect(input('retention-days').value).toBe('9999');
  });

  it('switches inbox from its select', async () => {
    const { fake } = await openSettings();
    change('settings-inbox', 'shop');
    await act(settle);
    expect(fake.calls('inboxes.settings').map((call) => call.input)).toEqual([
      { inbox: 'default' },
      { inbox: 'shop' },
    ]);
    change('retention-days', '3');
    fireEvent.click(save());
    await act(settle);
    expect(fake.calls('inboxes.configure')[0]?.input).toEqual({
      inbox: 'shop',
      retention: { keepCount: null, keepDays: 3 },
    });
    expect(screen.getByTestId('settings-status').textContent).toBe('Saved.');
  });
});

describe('formatStorage', () => {
  it('says database + WAL in a readable unit each, and the count of all inboxes', () => {
    expect(formatStorage(STORAGE)).toBe(
      '12.7 MB on disk (database 12.3 MB + WAL 400 kB) · 1,234 deliveries in all inboxes',
    );
    expect(formatStorage({ ...NO_TRANSFERS, databaseBytes: 4096, walBytes: 0, deliveries: 1 })).toBe(
      '4.1 kB on disk (database 4.1 kB + WAL 0 B) · 1 delivery in all inboxes',
    );
    expect(
      formatStorage({
        ...NO_TRANSFERS,
        databaseBytes: 2_500_000_000,
        walBytes: 50_000_000,
        deliveries: 1_000_000,
      }),
    ).toBe('2.55 GB on disk (database 2.50 GB + WAL 50.0 MB) · 1,000,000 deliveries in all inboxes');
  });

  it('counts exports and uploads while there are some', () => {
    expect(formatStorage({ ...STORAGE, exportsBytes: 3_000_000, uploadsBytes: 200_000 })).toBe(
      '15.9 MB on disk (database 12.3 MB + WAL 400 kB + exports 3.0 MB + uploads 200 kB) · 1,234 deliveries in all inboxes',
    );
  });
});
