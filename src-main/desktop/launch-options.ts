/**
 * Overrides a launch may set in the environment: a data dir of its own (a
 * second profile, a portable copy, the packaged app's smoke test) and the
 * receiver's and sandbox's ports. A value that is not a port is refused in
 * one line rather than ignored.
 */
export interface LaunchOptions {
  dataDir?: string;
  receiverPort?: number;
  sandboxPort?: number;
}

function port(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`${name} must be a port number (0-65535), not ${JSON.stringify(raw)}.`);
  }
  return value;
}

export function launchOptions(env: NodeJS.ProcessEnv): LaunchOptions {
  const options: LaunchOptions = {};
  if (env.BWI_DATA_DIR) options.dataDir = env.BWI_DATA_DIR;
  const receiverPort = port('BWI_RECEIVER_PORT', env.BWI_RECEIVER_PORT);
  if (receiverPort !== undefined) options.receiverPort = receiverPort;
  const sandboxPort = port('BWI_SANDBOX_PORT', env.BWI_SANDBOX_PORT);
  if (sandboxPort !== undefined) options.sandboxPort = sandboxPort;
  return options;
}
