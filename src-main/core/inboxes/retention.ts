import type { DeliveryRepository } from '../deliveries/repository';
import { describeError } from '../describe-error';
import type { InboxSettingsRepository } from './settings';

const EVERY_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Prunes each inbox to its retention settings in the background, once a minute and when they change. */
export function startRetention(
  deliveries: DeliveryRepository,
  settings: InboxSettingsRepository,
  log: (message: string) => void,
) {
  const run = () => {
    const now = Date.now();
    for (const s of settings.all()) {
      const { keepCount, keepDays } = s.retention;
      if (keepCount === null && keepDays === null) continue;
      try {
        deliveries.prune(s.inbox, keepCount, keepDays === null ? null : now - keepDays * DAY_MS);
      } catch (error) {
        // One inbox that cannot be pruned now (a busy or full disk) is tried again next time.
        log(`retention: could not prune "${s.inbox}": ${describeError(error)}`);
      }
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return {
    runNow: run,
    stop: () => clearInterval(timer),
  };
}
