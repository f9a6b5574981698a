import type { DeliveryListItem } from '@contract';
import { ContractError, type Service } from '@contract';
import { normalizeUpdate } from '../deliveries/normalize';
import type { NewDelivery } from '../deliveries/records';
import { describeError } from '../describe-error';
import type { InboxStore } from '../inboxes/store';
import type { ProfileStore } from '../profiles/store';
import { CaptureSession } from './capture-session';

type CaptureMethods = Pick<Service, 'capture.start' | 'capture.stop' | 'capture.list'>;

export interface CaptureDeps {
  profiles: ProfileStore;
  inboxes: InboxStore;
  /** Commits a delivery, as the receiver does. */
  store: (delivery: NewDelivery) => Promise<DeliveryListItem>;
  /** Forwards a stored delivery to the developer's bot, as an inbox's tap does. */
  tap: (
    deliveryId: number,
    url: string,
    body: Buffer,
    headers: Array<[string, string]>,
  ) => Promise<void> | void;
  /** getUpdates' long-poll timeout in seconds. */
  pollSeconds?: number;
  log: (message: string) => void;
}

const HEADERS: Array<[string, string]> = [
  ['content-type', 'application/json'],
  ['x-bwi-capture', 'getUpdates'],
];

/** Telegram capture sessions, at most one per profile; `stopAll` is the shutdown hook. */
export function captureMethods(deps: CaptureDeps): CaptureMethods & { stopAll(): Promise<void> } {
  const sessions = new Map<number, CaptureSession>();
  const starting = new Set<number>();

  const keep = (inbox: string, tapUrl: string | null) => async (update: { body: Buffer }) => {
    const stored = await deps.store({
      receivedAt: Date.now(),
      inbox,
      method: 'POST',
      path: '/capture',
      query: '',
      headers: HEADERS,
      remoteAddress: null,
      body: update.body,
      bodySize: update.body.length,
      bodyOmitted: false,
      responseStatus: 200,
      responseBody: '',
      problem: null,
      summary: normalizeUpdate(JSON.parse(update.body.toString('utf8'))),
    });
    if (tapUrl !== null) {
      try {
        await deps.tap(stored.id, tapUrl, update.body, HEADERS);
      } catch (error) {
        deps.log(`capture: delivery #${stored.id} is kept, but its forward failed: ${describeError(error)}`);
      }
    }
  };

  return {
    'capture.start': async ({ profileId, inbox, tapUrl }) => {
      if (sessions.has(profileId) || starting.has(profileId))
        throw new ContractError('conflict', 'This profile is already being captured.');
      const profile = await deps.profiles.get(profileId);
      if (profile === null) throw new ContractError('not-found', `There is no profile ${profileId}.`);
      if (profile.platform !== 'telegram')
        throw new ContractError(
          'bad-input',
          'Capture takes updates with Telegram’s getUpdates: choose a Telegram profile.',
        );
      if (!profile.token) throw new ContractError('bad-input', 'The profile has no bot token.');
      if (!deps.inboxes.has(inbox))
        throw new ContractError('not-found', `There is no inbox named "${inbox}".`);
      starting.add(profileId);
      try {
        const session = await CaptureSession.start({
          profileId,
          target: { baseUrl: profile.baseUrl, token: profile.token },
          secret: profile.webhookSecret,
          inbox,
          tapUrl,
          keep: keep(inbox, tapUrl),
          pollSeconds: deps.pollSeconds ?? 25,
          log: deps.log,
        });
        sessions.set(profileId, session);
        return session.status();
      } catch (error) {
        if (error instanceof ContractError) throw error;
        const code = error instanceof RangeError ? 'bad-input' : 'upstream';
        throw new ContractError(code, `Capture did not start: ${describeError(error)}`);
      } finally {
        starting.delete(profileId);
      }
    },
    'capture.stop': async ({ profileId }) => {
      const session = sessions.get(profileId);
      if (!session) throw new ContractError('not-found', 'This profile is not being captured.');
      sessions.delete(profileId);
      try {
        return await session.stop();
      } catch (error) {
        throw new ContractError(
          'upstream',
          `Capture stopped, but the webhook was not set back to ${session.saved.url}: ${describeError(error)}. Set it again from the Webhook panel.`,
        );
      }
    },
    'capture.list': () => ({ items: [...sessions.values()].map((s) => s.status()) }),
    async stopAll() {
      const all = [...sessions.values()];
      sessions.clear();
      for (const session of all) {
        await session.stop().catch((error: unknown) => {
          deps.log(
            `capture: could not set the webhook back to ${session.saved.url}: ${describeError(error)}`,
          );
        });
      }
    },
  };
}
