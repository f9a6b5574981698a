import type { Database } from 'better-sqlite3';
import type { DelivererOptions } from './deliverer';
import { type SandboxChange, SandboxPlatform } from './platform';
import type { SandboxBot } from './records';
import { type SandboxServer, startSandboxServer } from './server';
import { SandboxStore } from './store';

export type { SandboxChange } from './platform';
export { SandboxPlatform } from './platform';
export type { SandboxBot } from './records';

export interface Sandbox {
  platform: SandboxPlatform;
  server: SandboxServer;
  /** The bot a new user starts with. */
  defaultBot: SandboxBot;
  stop(): Promise<void>;
}

export interface SandboxOptions {
  db: Database;
  /** Always on loopback (127.0.0.1); 0 picks a free port. */
  port: number;
  /** Where the default bot's webhook points on first run: the inspector's own receiver. */
  receiverWebhookUrl: string;
  onChange: (change: SandboxChange) => void;
  delivery?: Partial<Pick<DelivererOptions, 'timeoutMs' | 'backoffMs'>>;
  log?: (message: string) => void;
}

/** Starts the sandbox platform; on first run it creates the default bot wired to our receiver. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const store = new SandboxStore(options.db);
  let defaultBot = store.bots()[0];
  const firstRun = defaultBot === undefined;
  if (!defaultBot) defaultBot = store.createBot('sandbox_bot', 'Sandbox bot');
  const log = options.log ?? (() => undefined);
  const platform = new SandboxPlatform(store, options.onChange, {
    ...options.delivery,
    onError: (error) =>
      log(`sandbox: a delivery failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (firstRun) platform.setWebhook(defaultBot, 'solafon', { url: options.receiverWebhookUrl });
  let server: SandboxServer;
  try {
    server = await startSandboxServer(platform, options.port);
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return {
    platform,
    server,
    defaultBot: store.bot(defaultBot.token) ?? defaultBot,
    stop: async () => {
      await server.close();
      await platform.stop();
    },
  };
}
