import type { Sandbox } from '../sandbox';
import type { ProfileRepository } from './repository';

/**
 * The "Sandbox bot" profile a new user starts with, pointed at the sandbox
 * platform. Its URL and secrets are rewritten on every start: the sandbox's
 * port may change, and secrets sealed by another mode's key (desktop vs web)
 * could not be opened here.
 */
export function ensureSandboxProfile(
  profiles: ProfileRepository,
  sandbox: Sandbox,
  receiverWebhookUrl: string,
): void {
  const bot = sandbox.defaultBot;
  const platformFields = {
    platform: 'solafon' as const,
    baseUrl: `${sandbox.server.url}/api/v1`,
    appId: bot.appId,
    token: bot.token,
    jwt: bot.jwt,
  };
  const existing = profiles.list().find((p) => p.sandbox);
  if (!existing) {
    profiles.create(
      { name: 'Sandbox bot', publicUrl: receiverWebhookUrl, inbox: 'default', ...platformFields },
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
    sandbox.platform.setWebhook(current, current.webhookDialect ?? 'solafon', { url: receiverWebhookUrl });
  }
  profiles.save(existing.id, {
    ...existing,
    ...platformFields,
    publicUrl: followsReceiver ? receiverWebhookUrl : existing.publicUrl,
  });
}
