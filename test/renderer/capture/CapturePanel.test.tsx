import type { CaptureStatus } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookPanel } from '../../../src-renderer/features/webhook/WebhookPanel';
import { makeProfile, makeWebhookInfo, SANDBOX_PROFILE } from '../support/bots';
import { createFakeClient, settle } from '../support/fakeClient';
import { renderWithStores } from '../support/render';

afterEach(cleanup);

const TELEGRAM = makeProfile(3, { name: 'Prod', platform: 'telegram', baseUrl: 'https://api.telegram.org' });

function setup(profile = TELEGRAM, secretKnown = true) {
  let running: CaptureStatus[] = [];
  const fake = createFakeClient({
    'webhook.info': () => makeWebhookInfo({ url: 'https://bot.example.com/hook' }),
    'capture.list': () => ({ items: running }),
    'capture.start': ({ profileId, inbox, tapUrl }) => {
      const status: CaptureStatus = {
        profileId,
        inbox,
        tapUrl: tapUrl ?? null,
        startedAt: new Date(0).toISOString(),
        captured: 3,
        lastError: null,
        saved: {
          url: 'https://bot.example.com/hook',
          allowedUpdates: ['message'],
          maxConnections: 7,
          ipAddress: null,
          secretKnown,
        },
      };
      running = [status];
      return status;
    },
    'capture.stop': ({ profileId }) => {
      const status = running.find((s) => s.profileId === profileId) as CaptureStatus;
      running = [];
      return status;
    },
  });
  renderWithStores(fake.client, () => <WebhookPanel profile={profile} receiverUrl={null} />);
  return fake;
}

describe('Telegram capture in the Webhook panel', () => {
  it('starts a capture, warns that the production webhook is off, and stops it', async () => {
    const fake = setup();
    await act(settle);
    expect(screen.queryByTestId('capture-warning')).toBeNull();
    fireEvent.change(screen.getByTestId('capture-tap'), { target: { value: 'ftp://x' } });
    expect((screen.getByTestId('capture-start') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('capture-tap'), {
      target: { value: 'http://127.0.0.1:8000/webhook' },
    });
    fireEvent.click(screen.getByTestId('capture-start'));
    await act(settle);
    expect(fake.calls('capture.start').map((c) => c.input)).toEqual([
      { profileId: 3, inbox: 'default', tapUrl: 'http://127.0.0.1:8000/webhook' },
    ]);
    expect(screen.getByTestId('capture-warning').textContent).toMatch(
      /production webhook is OFF.*https:\/\/bot\.example\.com\/hook.*Stop sets it back/,
    );
    expect(screen.getByTestId('capture-count').textContent).toMatch(/3 captured into default/);
    expect(screen.queryByTestId('capture-secret-unknown')).toBeNull();

    fireEvent.click(screen.getByTestId('capture-stop'));
    await act(settle);
    expect(fake.calls('capture.stop').map((c) => c.input)).toEqual([{ profileId: 3 }]);
    expect(screen.queryByTestId('capture-warning')).toBeNull();
    expect(screen.getByTestId('capture-start')).toBeTruthy();
  });

  it('says when the secret cannot be restored, and is not offered for the sandbox profile', async () => {
    setup(TELEGRAM, false);
    await act(settle);
    fireEvent.click(screen.getByTestId('capture-start'));
    await act(settle);
    expect(screen.getByTestId('capture-secret-unknown').textContent).toMatch(/keeps no webhook secret/);
    cleanup();
    setup(SANDBOX_PROFILE);
    await act(settle);
    expect(screen.queryByTestId('capture-panel')).toBeNull();
  });
});
