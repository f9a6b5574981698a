import type { Service } from '@contract';
import type { ReplayJobs } from './jobs';
import type { ReplayRepository } from './repository';

type ReplayMethods = Pick<Service, 'replay.start' | 'replay.cancel' | 'replay.attempts'>;

export const replayMethods = (jobs: ReplayJobs, attempts: ReplayRepository): ReplayMethods => ({
  'replay.start': (input) => jobs.start(input),
  'replay.cancel': ({ jobId }) => jobs.cancel(jobId),
  'replay.attempts': ({ deliveryId }) => ({ items: attempts.list(deliveryId) }),
});
