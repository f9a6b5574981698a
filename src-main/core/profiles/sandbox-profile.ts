import { DEFAULT_INBOX } from '@contract';
import type { Sandbox } from '../sandbox';
import type { ProfileStore } from './store';

/**
 * The "Sandbox bot" profile a new user starts with, pointed at the sandbox
 * platform. Its URL and secrets are rewritten on every start: the sandbox's
 * port may change, and secrets sealed by another mode's key (desktop vs web)
 * could not be opened here.
 */
export async function ensureSandboxProfile(
  profiles: ProfileStore,
  sandbox: Sandbox,
  receiverWebhookUrl: string,
): Promise<void> {
  const bot = sandbox.defaultBot;
  const platformFields = {
    platform: 'solafon' as const,
    baseUrl: `${sandbox.server.url}/api/v1`,
    appId: bot.appId,
    token: bot.token,
    jwt: bot.jwt,
  };
  const existing = (await profiles.list()).find((p) => p.sandbox);
  if (!existing) {
    await profiles.create(
      { name: 'Sandbox bot', publicUrl: receiverWebhookUrl, inbox: DEFAULT_INBOX, ...platformFields },
      { sandbox: true },
    );
    return;
  }
  // The loop a new user saw keeps working when the receiver moved to another
  // port: a webhook still on our previous receiver address follows it.
  const current = sandbox.platform.botById(bot.botId);
  const followsReceiver =
    existing.publicUrl !== receiverWebhookUrl && current.webhookUrl === existing.publicUrl;
  if (followsReceiver) {
    // Only the address moves: its secret and delivery settings stay as the user set them.
    sandbox.platform.setWebhook(current, current.webhookDialect ?? 'solafon', {
      url: receiverWebhookUrl,
      secretToken: current.secretToken,
      maxConnections: current.maxConnections,
      allowedUpdates: current.allowedUpdates,
    });
  }
  await profiles.save(existing.id, {
    ...existing,
    ...platformFields,
    publicUrl: followsReceiver ? receiverWebhookUrl : existing.publicUrl,
  });
}
