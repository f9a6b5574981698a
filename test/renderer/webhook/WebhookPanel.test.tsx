import type { BotProfile, WebhookInfo } from '@contract';
import { ContractError } from '@contract/errors';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebhookPanel } from '../../../src-renderer/features/webhook/WebhookPanel';
import { makeProfile, makeWebhookInfo, SANDBOX_PROFILE } from '../support/bots';
import { type Deferred, deferred } from '../support/deferred';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { renderWithStores } from '../support/render';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const SOLAFON = makeProfile(2, { name: 'Shop bot', publicUrl: 'https://tunnel.example/webhook' });
const TELEGRAM = makeProfile(3, { name: 'TG', platform: 'telegram', baseUrl: 'https://api.telegram.org' });

function setup(
  handlers: Handlers,
  profile: BotProfile = SOLAFON,
  receiverUrl: string | null = 'http://127.0.0.1:8787',
) {
  const fake = createFakeClient(handlers);
  const view = renderWithStores(fake.client, () => (
    <WebhookPanel profile={profile} receiverUrl={receiverUrl} />
  ));
  return { fake, ...view };
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const inputValue = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

/** The local time the panel should show for Unix seconds, computed independently. */
function localTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

describe('Webhook panel', () => {
  it("shows the profile's webhook state in plain words, with advice for its last error", async () => {
    const { fake } = setup({
      'webhook.info': () =>
        makeWebhookInfo({
          pendingUpdateCount: 5,
          lastErrorDate: 1_704_110_400,
          lastErrorMessage: 'Wrong response from the webhook: 500 Internal Server Error',
          maxConnections: 40,
          allowedUpdates: ['message', 'callback_query'],
          hasCustomCertificate: true,
        }),
    });
    await act(settle);

    expect(fake.calls('webhook.check').map((call) => call.input)).toEqual([{ profileId: 2 }]);
    expect(screen.getByTestId('webhook-panel')).toBeTruthy();
    expect(text('webhook-info-url')).toBe('https://bot.example.com/webhook');
    expect(text('webhook-pending')).toBe('Pending: 5 updates waiting');
    expect(text('webhook-last-error')).toBe(
      `Last error (${localTime(1_704_110_400)}): Wrong response from the webhook: 500 Internal Server Error`,
    );
    const panel = text('webhook-panel');
    expect(panel).toContain('message, callback_query');
    expect(panel).toMatch(/Max connections\s*40/);
    expect(panel).toMatch(/Custom certificate\s*yes/);
    expect(text('webhook-advice')).toMatch(/check your server logs.*answer 200/);
  });

  it('says what a platform does not report, and when no webhook is set', async () => {
    setup({
      'webhook.info': () =>
        makeWebhookInfo({ url: '', pendingUpdateCount: 1, maxConnections: null, hasCustomCertificate: null }),
    });
    await act(settle);
    expect(text('webhook-info-url')).toMatch(/not set/);
    expect(text('webhook-pending')).toBe('Pending: 1 update waiting');
    expect(text('webhook-last-error')).toBe('Last error: none reported');
    expect(text('webhook-panel')).toMatch(/Max connections\s*unknown/);
    expect(text('webhook-advice')).toMatch(/no webhook is set/);
  });

  it("sets the webhook to the profile's public URL and shows the info the call returns", async () => {
    let current = makeWebhookInfo({ url: '' });
    const { fake } = setup({
      'webhook.info': () => current,
      'webhook.set': ({ url }) => {
        current = makeWebhookInfo({ url, pendingUpdateCount: 2 });
        return current;
      },
    });
    await act(settle);
    expect(inputValue('webhook-url')).toBe('https://tunnel.example/webhook');
    expect(screen.queryByTestId('webhook-sandbox-note')).toBeNull();
    // Telegram-only fields are not offered for Solafon.
    expect(screen.queryByTestId('webhook-secret-token')).toBeNull();

    fireEvent.click(screen.getByTestId('webhook-set'));
    await act(settle);
    expect(fake.calls('webhook.set').map((call) => call.input)).toEqual([
      { url: 'https://tunnel.example/webhook', profileId: 2 },
    ]);
    // From webhook.set's own answer, not from a second webhook.info.
    expect(fake.calls('webhook.check')).toHaveLength(1);
    expect(text('webhook-info-url')).toBe('https://tunnel.example/webhook');
    expect(text('webhook-pending')).toBe('Pending: 2 updates waiting');
    expect(screen.queryByTestId('webhook-error')).toBeNull();
  });

  it('refuses a plain http URL for a real platform without calling it, and says how to fix it', async () => {
    const { fake } = setup({
      'webhook.info': () => makeWebhookInfo(),
      'webhook.set': () => makeWebhookInfo(),
    });
    await act(settle);
    fireEvent.change(screen.getByTestId('webhook-url'), {
      target: { value: 'http://127.0.0.1:8787/webhook' },
    });
    fireEvent.click(screen.getByTestId('webhook-set'));
    await act(settle);
    expect(fake.calls('webhook.set')).toHaveLength(0);
    expect(text('webhook-error')).toMatch(/must use HTTPS/);
    expect(screen.getByTestId('webhook-url').getAttribute('aria-invalid')).toBe('true');
    expect(text('webhook-advice')).toMatch(/HTTPS and publicly reachable.*tunnel/);

    // Editing the URL clears the stale refusal.
    fireEvent.change(screen.getByTestId('webhook-url'), { target: { value: 'not a url' } });
    expect(screen.queryByTestId('webhook-error')).toBeNull();
    fireEvent.click(screen.getByTestId('webhook-set'));
    expect(text('webhook-error')).toMatch(/not an absolute URL/);
    expect(fake.calls('webhook.set')).toHaveLength(0);
  });

  it("lets the sandbox use this machine's receiver over http, and says so", async () => {
    const { fake } = setup(
      {
        'webhook.info': () => makeWebhookInfo({ url: '' }),
        'webhook.set': ({ url }) => makeWebhookInfo({ url }),
      },
      { ...SANDBOX_PROFILE, publicUrl: '' },
      'http://127.0.0.1:8787',
    );
    await act(settle);
    expect(text('webhook-sandbox-note')).toMatch(/sandbox: http on this machine allowed/);
    expect(inputValue('webhook-url')).toBe('http://127.0.0.1:8787/webhook');
    fireEvent.click(screen.getByTestId('webhook-set'));
    await act(settle);
    expect(fake.calls('webhook.set').map((call) => call.input)).toEqual([
      { url: 'http://127.0.0.1:8787/webhook', profileId: 1 },
    ]);
    expect(text('webhook-info-url')).toBe('http://127.0.0.1:8787/webhook');

    // Still not any http: only loopback.
    fireEvent.change(screen.getByTestId('webhook-url'), { target: { value: 'http://192.168.1.5/webhook' } });
    fireEvent.click(screen.getByTestId('webhook-set'));
    expect(text('webhook-error')).toMatch(/this machine/);
    expect(fake.calls('webhook.set')).toHaveLength(1);
  });

  it('marks a webhook on loopback http as sandbox-only, and an https one not', async () => {
    let url = 'http://127.0.0.1:8787/webhook';
    setup({ 'webhook.info': () => makeWebhookInfo({ url }) }, SANDBOX_PROFILE);
    await act(settle);
    expect(text('webhook-loopback-http')).toMatch(/loopback http/);
    url = 'https://bot.example.com/webhook';
    cleanup();
    setup({ 'webhook.info': () => makeWebhookInfo({ url }) }, SANDBOX_PROFILE);
    await act(settle);
    expect(text('webhook-info-url')).toBe(url);
    expect(screen.queryByTestId('webhook-loopback-http')).toBeNull();
  });

  it("sends Telegram's secret token, drop pending and max connections", async () => {
    const { fake } = setup(
      {
        'webhook.info': () => makeWebhookInfo({ url: '' }),
        'webhook.set': ({ url }) => makeWebhookInfo({ url }),
      },
      TELEGRAM,
    );
    await act(settle);
    expect(inputValue('webhook-url')).toBe('');
    fireEvent.change(screen.getByTestId('webhook-url'), { target: { value: 'https://bot.example.com/tg' } });
    fireEvent.change(screen.getByTestId('webhook-secret-token'), { target: { value: 'bad token!' } });
    fireEvent.click(screen.getByTestId('webhook-set'));
    expect(text('webhook-error')).toMatch(/secret token is 1–256 letters/);
    expect(fake.calls('webhook.set')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('webhook-secret-token'), { target: { value: 's3cret_token-1' } });
    fireEvent.change(screen.getByTestId('webhook-max-connections'), { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('webhook-drop-pending'));
    fireEvent.click(screen.getByTestId('webhook-set'));
    await act(settle);
    expect(fake.calls('webhook.set').map((call) => call.input)).toEqual([
      {
        url: 'https://bot.example.com/tg',
        secretToken: 's3cret_token-1',
        dropPendingUpdates: true,
        maxConnections: 10,
        profileId: 3,
      },
    ]);
  });

  it('has one “drop pending updates” choice, and says when Set or Delete worked', async () => {
    setup(
      {
        'webhook.info': () => makeWebhookInfo({ url: '' }),
        'webhook.set': ({ url }) => makeWebhookInfo({ url }),
        'webhook.delete': () => makeWebhookInfo({ url: '' }),
      },
      TELEGRAM,
    );
    await act(settle);
    expect(screen.getAllByRole('checkbox', { name: /drop pending updates/i })).toHaveLength(1);
    expect(text('webhook-notice')).toBe('');
    fireEvent.change(screen.getByTestId('webhook-url'), { target: { value: 'https://bot.example.com/tg' } });
    fireEvent.click(screen.getByTestId('webhook-set'));
    await act(settle);
    expect(text('webhook-notice')).toBe('Webhook set to https://bot.example.com/tg.');
    expect(screen.getByTestId('webhook-notice').getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByTestId('webhook-drop-pending'));
    fireEvent.click(screen.getByTestId('webhook-delete'));
    await act(settle);
    expect(text('webhook-notice')).toBe('Webhook deleted. Pending updates dropped.');
  });

  it('deletes the webhook, dropping pending updates when asked', async () => {
    const { fake } = setup({
      'webhook.info': () => makeWebhookInfo({ pendingUpdateCount: 9 }),
      'webhook.delete': () => makeWebhookInfo({ url: '', pendingUpdateCount: 0 }),
    });
    await act(settle);
    fireEvent.click(screen.getByTestId('webhook-drop-pending'));
    fireEvent.click(screen.getByTestId('webhook-delete'));
    await act(settle);
    expect(fake.calls('webhook.delete').map((call) => call.input)).toEqual([
      { profileId: 2, dropPendingUpdates: true },
    ]);
    expect(text('webhook-info-url')).toMatch(/not set/);
    expect(text('webhook-pending')).toBe('Pending: 0 updates waiting');
  });

  it("shows the platform's refusal with advice matched to it", async () => {
    setup({
      'webhook.info': () => makeWebhookInfo(),
      'webhook.set': () => {
        throw new ContractError(
          'upstream',
          'setWebhook failed (HTTP 429): Too Many Requests: retry after 30',
          {
            kind: 'api',
            status: 429,
            description: 'Too Many Requests: retry after 30',
            retryAfter: 30,
          },
        );
      },
    });
    await act(settle);
    fireEvent.click(screen.getByTestId('webhook-set'));
    await act(settle);
    expect(text('webhook-error')).toBe('setWebhook failed (HTTP 429): Too Many Requests: retry after 30');
    expect(text('webhook-advice')).toContain('wait 30 seconds');
  });

  it('shows a failed read with advice, e.g. a profile without a token', async () => {
    setup({
      'webhook.info': () => {
        throw new ContractError('bad-input', 'The profile "Shop bot" has no API token: add one in Profiles.');
      },
    });
    await act(settle);
    expect(text('webhook-info-error')).toContain('has no API token');
    expect(text('webhook-advice')).toMatch(/check the token/i);
  });

  describe('polling', () => {
    it('reads every 3 s while shown, one request at a time, and stops when unmounted', async () => {
      vi.useFakeTimers();
      const answers: Array<Deferred<WebhookInfo>> = [];
      const { fake, unmount } = setup({
        'webhook.info': () => {
          const answer = deferred<WebhookInfo>();
          answers.push(answer);
          return answer.promise;
        },
      });
      const answerLast = (info: WebhookInfo) => answers.at(-1)?.resolve(info);
      const reads = () => fake.calls('webhook.check').length;
      expect(reads()).toBe(1);

      // The platform is slow: no second request while the first is unanswered.
      await act(() => vi.advanceTimersByTimeAsync(10_000));
      expect(reads()).toBe(1);

      await act(async () => {
        answerLast(makeWebhookInfo({ pendingUpdateCount: 1 }));
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(text('webhook-pending')).toBe('Pending: 1 update waiting');
      await act(() => vi.advanceTimersByTimeAsync(2_999));
      expect(reads()).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(1));
      expect(reads()).toBe(2);

      await act(async () => {
        answerLast(makeWebhookInfo({ pendingUpdateCount: 4 }));
        await vi.advanceTimersByTimeAsync(3_000);
      });
      expect(reads()).toBe(3);
      // The queue grew between two reads: duplicates are coming.
      expect(text('webhook-advice')).toMatch(/idempotent on update_id/);

      unmount();
      answerLast(makeWebhookInfo());
      await vi.advanceTimersByTimeAsync(30_000);
      expect(reads()).toBe(3);
    });

    it('after failed checks says when and why, backs off up to a minute, and logs nothing to the console', async () => {
      vi.useFakeTimers();
      const consoleError = vi.spyOn(console, 'error');
      let down = true;
      const { fake } = setup({
        'webhook.info': () => {
          if (down) {
            throw new ContractError('upstream', 'getWebhookInfo failed: connect ECONNREFUSED 127.0.0.1:9', {
              kind: 'network',
            });
          }
          return makeWebhookInfo();
        },
      });
      const reads = () => fake.calls('webhook.check').length;
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(reads()).toBe(1);
      expect(text('webhook-checked')).toMatch(
        /^Last check failed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(getWebhookInfo failed: connect ECONNREFUSED 127\.0\.0\.1:9\); next in 6 s$/,
      );
      expect(text('webhook-checked')).not.toMatch(/Reading/);
      // 6 s, then 12 s, 24 s, 48 s, and never more than 60 s.
      for (const wait of [6_000, 12_000, 24_000, 48_000, 60_000, 60_000]) {
        const before = reads();
        await act(() => vi.advanceTimersByTimeAsync(wait - 1));
        expect(reads()).toBe(before);
        await act(() => vi.advanceTimersByTimeAsync(1));
        expect(reads()).toBe(before + 1);
      }
      expect(consoleError).not.toHaveBeenCalled();

      // Back up: the next read succeeds and polling returns to every 3 s.
      down = false;
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      expect(text('webhook-checked')).toMatch(/^Checked .*, every 3 s$/);
      const after = reads();
      await act(() => vi.advanceTimersByTimeAsync(3_000));
      expect(reads()).toBe(after + 1);
      consoleError.mockRestore();
    });

    it('the Refresh button joins a read on its way instead of starting another', async () => {
      vi.useFakeTimers();
      const answer = deferred<WebhookInfo>();
      const { fake } = setup({ 'webhook.info': () => answer.promise });
      fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
      fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
      expect(fake.calls('webhook.check')).toHaveLength(1);
      await act(async () => {
        answer.resolve(makeWebhookInfo());
        await vi.advanceTimersByTimeAsync(0);
      });
      // One more read for the clicks made meanwhile, then quiet until the next tick.
      expect(fake.calls('webhook.check')).toHaveLength(2);
    });
  });
});
