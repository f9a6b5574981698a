import { ContractError } from '@contract';
import { afterEach, beforeEach, expect } from 'vitest';
import { startTestCore, type TestCore } from '../../support/core';

/**
 * A core started for each test of a file (its sandbox platform answering
 * quickly), for the suites of the features that talk to a bot through a
 * profile: profiles, webhook, compose, logs.
 */
export function sandboxCoreEachTest() {
  let started: TestCore | undefined;
  beforeEach(async () => {
    started = await startTestCore({ sandboxDelivery: { timeoutMs: 1000, backoffMs: () => 30 } });
  });
  afterEach(async () => {
    await started?.dispose();
  });
  const core = (): TestCore => {
    if (!started) throw new Error('the core starts in beforeEach');
    return started;
  };
  const svc = () => core().core.service;
  const sandboxProfile = async () => {
    const found = (await svc()['profiles.list']({})).items.find((p) => p.sandbox);
    if (!found) throw new Error('no sandbox profile');
    return found;
  };
  /** A new core on the same data dir, in place of the one a test stopped: the app restarted. */
  const restartCore = async () => {
    started = await startTestCore({ dataDir: core().dataDir });
  };
  return { core, svc, sandboxProfile, restartCore };
}

/** What the contract fills in with its defaults when a caller leaves them out of a profile. */
export const PROFILE_DEFAULTS = { publicUrl: '', inbox: 'default', appId: null };

/** Service methods may throw at once or reject later: both count. */
export async function rejection(run: () => unknown): Promise<ContractError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected a rejection');
}
