import type { DeliveryStore } from '../deliveries/store';
import { describeError } from '../describe-error';
import type { InboxSettingsStore } from './store';

const EVERY_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Prunes each inbox to its retention settings in the background, once a minute and when they change. */
export function startRetention(
  deliveries: DeliveryStore,
  settings: InboxSettingsStore,
  log: (message: string) => void,
  /** One replica prunes at a time: the chore is shared, not repeated per replica. */
  exclusive: (name: string, chore: () => Promise<void>) => Promise<boolean> = async (_n, chore) => {
    await chore();
    return true;
  },
) {
  let running: Promise<void> | null = null;
  const pass = async () => {
    const now = Date.now();
    for (const s of settings.all()) {
      const { keepCount, keepDays } = s.retention;
      if (keepCount === null && keepDays === null) continue;
      try {
        await deliveries.prune(s.inbox, keepCount, keepDays === null ? null : now - keepDays * DAY_MS);
      } catch (error) {
        // One inbox that cannot be pruned now (a busy or full disk) is tried again next time.
        log(`retention: could not prune "${s.inbox}": ${describeError(error)}`);
      }
    }
  };
  /** One pass at a time: a request while one runs waits for it. Never rejects. */
  const run = (): Promise<void> => {
    running ??= exclusive('retention', pass)
      .then(() => undefined)
      .catch((error: unknown) => log(`retention: skipped this round: ${describeError(error)}`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return {
    runNow: run,
    stop: () => clearInterval(timer),
  };
}
