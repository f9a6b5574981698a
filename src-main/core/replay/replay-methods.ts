import type { Service } from '@contract';
import type { ReplayJobs } from './jobs';
import type { AttemptStore } from './store';

type ReplayMethods = Pick<Service, 'replay.start' | 'replay.cancel' | 'replay.attempts'>;

export const replayMethods = (jobs: ReplayJobs, attempts: AttemptStore): ReplayMethods => ({
  'replay.start': (input) => jobs.start(input),
  'replay.cancel': ({ jobId }) => jobs.cancel(jobId),
  'replay.attempts': async ({ deliveryId }) => ({ items: await attempts.list(deliveryId) }),
});
