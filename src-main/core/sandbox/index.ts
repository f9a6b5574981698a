import type { Database } from 'better-sqlite3';
import type { SecretBox } from '../secrets/secret-box';
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
  /** Seals the bots' tokens, JWTs and webhook secrets, as the profiles' are. */
  box: SecretBox;
  /** Always on loopback (127.0.0.1); 0 picks a free port. */
  port: number;
  /** Where the default bot's webhook points on first run: the inspector's own receiver. */
  receiverWebhookUrl: string;
  onChange: (change: SandboxChange) => void;
  delivery?: Partial<Pick<DelivererOptions, 'timeoutMs' | 'backoffMs' | 'maxAttempts'>>;
  log: (message: string) => void;
}

/** Starts the sandbox platform; on first run it creates the default bot wired to our receiver. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const store = new SandboxStore(options.db, options.box);
  for (const botId of store.reissued) {
    options.log(
      `Sandbox bot ${botId}: its token was sealed with another key and cannot be opened here; it has a new token.`,
    );
  }
  let defaultBot = store.bots()[0];
  const firstRun = defaultBot === undefined;
  if (!defaultBot) defaultBot = store.createBot('sandbox_bot', 'Sandbox bot');
  const platform = new SandboxPlatform(store, options.onChange, { ...options.delivery, log: options.log });
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
    defaultBot: store.botById(defaultBot.botId) ?? defaultBot,
    stop: async () => {
      await server.close();
      await platform.stop();
    },
  };
}
