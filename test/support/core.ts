import { type Core, type CoreOptions, startCore } from '../../src-main/core';
import { makeTempDir, removeDir } from './temp-dir';

export interface TestCore {
  core: Core;
  dataDir: string;
  logs: string[];
  /** Stops the core; the data dir stays (for restart tests). */
  stop(): Promise<void>;
  /** Stops the core and removes the data dir. */
  dispose(): Promise<void>;
}

/** startCore on a free port and (unless given) a fresh temp data dir, with the log captured. */
export async function startTestCore(options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDir('bwi-core-');
  const logs: string[] = [];
  let core: Core;
  try {
    core = await startCore({
      receiverPort: 0,
      sandboxPort: 0,
      log: (m) => logs.push(m),
      ...options,
      dataDir,
    });
  } catch (error) {
    if (ownDir) removeDir(dataDir);
    throw error;
  }
  return {
    core,
    dataDir,
    logs,
    stop: () => core.stop(),
    dispose: async () => {
      await core.stop();
      if (ownDir) removeDir(dataDir);
    },
  };
}
