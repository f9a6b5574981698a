import type { ReplayProgress } from '@contract';
import { describe, expect, it } from 'vitest';
import type { DeliveryStore } from '../../src-main/core/deliveries/store';
import { EventHub } from '../../src-main/core/events';
import { ReplayJobs } from '../../src-main/core/replay/jobs';
import type { AttemptStore } from '../../src-main/core/replay/store';
import { startRetention } from '../../src-main/core/settings/retention';
import type { InboxSettingsStore } from '../../src-main/core/settings/store';
import { waitFor } from '../support/wait';

// Background jobs whose storage fails under them: each reports it in the log
// and ends, instead of leaving a rejected promise that would end the process.
describe('background jobs when storage fails', () => {
  it('retention logs an inbox it cannot prune and goes on with the others', async () => {
    const pruned: string[] = [];
    const deliveries = {
      prune: async (inbox: string) => {
        if (inbox === 'broken') throw new Error('database is locked');
        pruned.push(inbox);
        return 0;
      },
    } as unknown as DeliveryStore;
    const retention = { keepCount: 1, keepDays: null };
    const settings = {
      all: () => [
        { inbox: 'broken', retention },
        { inbox: 'fine', retention },
      ],
    } as unknown as InboxSettingsStore;
    const logs: string[] = [];
    const job = startRetention(deliveries, settings, (m) => logs.push(m));
    try {
      await expect(job.runNow()).resolves.toBeUndefined();
    } finally {
      job.stop();
    }
    expect(pruned).toEqual(['fine']);
    expect(logs).toEqual(['retention: could not prune "broken": database is locked']);
  });

  it('a replay whose attempts cannot be stored still ends, and says why', async () => {
    const deliveries = {
      replaySources: async () => new Map(),
      maxUpdateId: async () => 0,
    } as unknown as DeliveryStore;
    const attempts = {
      insertAll: () => {
        throw new Error('disk full');
      },
    } as unknown as AttemptStore;
    const events = new EventHub();
    const progress: ReplayProgress[] = [];
    events.subscribe((name, payload) => {
      if (name === 'replay.progress') progress.push(payload as ReplayProgress);
    });
    const logs: string[] = [];
    const jobs = new ReplayJobs(
      deliveries,
      attempts,
      events,
      async () => null,
      (m) => logs.push(m),
    );
    const started = await jobs.start({
      target: 'http://127.0.0.1:9/webhook',
      deliveryIds: [1, 2],
      keepHeaders: [],
      headers: [],
      renumberUpdateId: false,
      concurrency: 1,
    });
    await waitFor(() => progress.find((p) => p.jobId === started.jobId && p.state !== 'running'));
    await waitFor(() => logs.length === 2, { what: 'both attempts to be reported' });
    expect(logs[0]).toBe('replay: could not store an attempt on #1: disk full');
    await jobs.stop();
  });
});
