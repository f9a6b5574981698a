import type { Service } from '@contract';
import type { ReplayJobs } from './jobs';
import type { AttemptStore } from './store';
import type { ReplayTargetStore } from './target-store';

type ReplayMethods = Pick<
  Service,
  | 'replay.start'
  | 'replay.cancel'
  | 'replay.attempts'
  | 'replay.targets'
  | 'replay.nameTarget'
  | 'replay.forgetTarget'
>;

export const replayMethods = (
  jobs: ReplayJobs,
  attempts: AttemptStore,
  targets: ReplayTargetStore,
): ReplayMethods => ({
  'replay.start': (input) => jobs.start(input),
  'replay.cancel': ({ jobId }) => jobs.cancel(jobId),
  'replay.attempts': async ({ deliveryId }) => ({ items: await attempts.list(deliveryId) }),
  'replay.targets': async ({ inbox }) => ({ items: await targets.list(inbox) }),
  'replay.nameTarget': ({ inbox, url, name }) => targets.name(inbox, url, name, Date.now()),
  'replay.forgetTarget': async ({ inbox, url }) => ({ forgotten: await targets.forget(inbox, url) }),
});
