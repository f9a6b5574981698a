import type { IncomingMessage, ServerResponse } from 'node:http';
import { param, readParams } from './params';
import { SandboxError, type SandboxPlatform } from './platform';
import { ok } from './respond';
import { getMe } from './updates';

/** Calls that frameworks make at start-up and the sandbox can simply accept. */
const ACCEPTED = new Set([
  'logout',
  'close',
  'setmycommands',
  'deletemycommands',
  'setmydescription',
  'setmyshortdescription',
  'setmyname',
  'setchatmenubutton',
  'setmydefaultadministratorrights',
  'sendchataction',
]);

/** `/bot<token>/<method>`: the Telegram Bot API dialect. */
export async function telegramRoute(
  platform: SandboxPlatform,
  token: string,
  methodName: string,
  req: IncomingMessage,
  query: URLSearchParams,
  res: ServerResponse,
): Promise<void> {
  const bot = platform.botByToken(token);
  const p = await readParams(req, query);
  const method = methodName.toLowerCase();
  switch (method) {
    case 'getme':
      return ok(res, getMe(bot));
    case 'setwebhook': {
      const url = param.str(p.url) ?? '';
      platform.setWebhook(bot, 'telegram', {
        url,
        secretToken: param.str(p.secret_token),
        maxConnections: param.int(p.max_connections),
        allowedUpdates: param.strings(p.allowed_updates),
        dropPending: param.bool(p.drop_pending_updates),
      });
      return ok(res, true, url === '' ? 'Webhook was deleted' : 'Webhook was set');
    }
    case 'deletewebhook':
      platform.deleteWebhook(bot, param.bool(p.drop_pending_updates));
      return ok(res, true, 'Webhook was deleted');
    case 'getwebhookinfo':
      return ok(res, platform.webhookInfo(bot));
    case 'sendmessage':
      return ok(res, platform.sendMessage(bot, p.chat_id, p.text, p.reply_markup).result);
    case 'editmessagetext':
      return ok(res, platform.editMessageText(bot, p.chat_id, p.message_id, p.text, p.reply_markup));
    case 'answercallbackquery':
      platform.answerCallbackQuery(bot, param.str(p.callback_query_id), p.text);
      return ok(res, true);
    case 'getupdates':
      return ok(
        res,
        await platform.getUpdates(
          bot,
          param.int(p.offset),
          param.int(p.limit) ?? 100,
          param.int(p.timeout) ?? 0,
        ),
      );
    case 'getmycommands':
      return ok(res, []);
    case 'getchat': {
      const chatId = param.int(p.chat_id);
      if (chatId === null) throw new SandboxError(400, 'Bad Request: chat not found');
      return ok(res, { id: chatId, type: chatId < 0 ? 'group' : 'private' });
    }
    default:
      if (ACCEPTED.has(method)) return ok(res, true);
      throw new SandboxError(404, 'Not Found');
  }
}
