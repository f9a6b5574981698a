import type { IncomingMessage, ServerResponse } from 'node:http';
import { param, readParams } from './params';
import { SandboxError, type SandboxPlatform } from './platform';
import type { SandboxBot } from './records';
import { ok, sendPlatformJson } from './respond';

function bearer(req: IncomingMessage): string {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) throw new SandboxError(401, 'Unauthorized');
  return match[1];
}

/** `/api/v1/bot/<method>` with a Bearer token: the Solafon dialect (seed 004). */
export async function solafonBotRoute(
  platform: SandboxPlatform,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const bot = platform.botByToken(bearer(req));
  const p = await readParams(req, new URLSearchParams());
  const expect = (verb: string) => {
    if (req.method !== verb) throw new SandboxError(405, `Method Not Allowed: use ${verb}`);
  };
  switch (method) {
    case 'setWebhook': {
      expect('POST');
      const url = param.str(p.url);
      if (!url) throw new SandboxError(400, 'Bad Request: url is required');
      platform.setWebhook(bot, 'solafon', { url });
      return ok(res, true, 'Webhook was set');
    }
    case 'deleteWebhook':
      expect('POST');
      platform.deleteWebhook(bot, false);
      return ok(res, true, 'Webhook was deleted');
    case 'getWebhookInfo':
      expect('GET');
      return ok(res, platform.webhookInfo(bot));
    case 'sendMessage': {
      expect('POST');
      const { message } = platform.sendMessage(bot, p.chat_id, p.text);
      return ok(res, {
        message_id: message.messageId,
        chat_id: message.chatId,
        text: message.text,
        date: message.date,
      });
    }
    default:
      throw new SandboxError(404, 'Not Found');
  }
}

/** `/api/v1/apps/<appId>/settings` with the user JWT: where `webhookLogs` live. */
export function solafonSettingsRoute(
  platform: SandboxPlatform,
  appId: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const jwt = bearer(req);
  const bot: SandboxBot | null = platform.store.botByAppId(appId);
  if (!bot || bot.jwt !== jwt) throw new SandboxError(401, 'Unauthorized');
  sendPlatformJson(res, 200, {
    id: bot.appId,
    name: bot.firstName,
    webhookUrl: bot.webhookUrl,
    webhookLogs: platform.store.attempts(bot.botId).map((a) => ({
      updateId: a.updateId,
      url: a.url,
      statusCode: a.status,
      error: a.error,
      responseTimeMs: a.responseTimeMs,
      time: new Date(a.time).toISOString(),
    })),
  });
}
