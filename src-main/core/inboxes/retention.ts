import type { DeliveryRepository } from '../deliveries/repository';
import type { InboxSettingsRepository } from './settings';

const EVERY_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Prunes each inbox to its retention settings in the background, once a minute and when they change. */
export function startRetention(deliveries: DeliveryRepository, settings: InboxSettingsRepository) {
  const run = () => {
    const now = Date.now();
    for (const s of settings.all()) {
      const { keepCount, keepDays } = s.retention;
      if (keepCount === null && keepDays === null) continue;
      deliveries.prune(s.inbox, keepCount, keepDays === null ? null : now - keepDays * DAY_MS);
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return {
    runNow: run,
    stop: () => clearInterval(timer),
  };
}
