import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaType } from '../http/media-type';
import { param, readParams } from './params';
import { SandboxError, type SandboxPlatform } from './platform';
import type { SandboxBot } from './records';
import { ok } from './respond';

/**
 * `/sandbox/…`: what a person does on a real platform — write to the bot as
 * a user, read a chat. Bots are named by their public id (or `default`).
 */
export async function controlRoute(
  platform: SandboxPlatform,
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  requireJsonBody(req);
  if (segments.length === 1 && segments[0] === 'bots' && req.method === 'GET') {
    return ok(
      res,
      platform.store.bots().map((b) => ({
        id: b.botId,
        username: b.username,
        first_name: b.firstName,
        webhook_url: b.webhookUrl,
        pending_update_count: platform.store.pendingCount(b.botId),
      })),
    );
  }
  const [root, botRef, resource, chatRef, tail] = segments;
  if (root !== 'bots' || botRef === undefined) throw new SandboxError(404, 'Not Found');
  const bot = resolveBot(platform, botRef);

  if (resource === 'messages' && chatRef === undefined && req.method === 'POST') {
    const p = await readParams(req, new URLSearchParams());
    const userId = param.int(p.user_id);
    const text = param.str(p.text);
    if (userId === null) throw new SandboxError(400, 'Bad Request: user_id must be an integer');
    if (text === null) throw new SandboxError(400, 'Bad Request: text is required');
    const queued = platform.queueUserMessage(bot, {
      userId,
      text,
      name: param.str(p.name) ?? undefined,
      language: param.str(p.language) ?? undefined,
      username: param.str(p.username) ?? undefined,
      chatId: param.int(p.chat_id) ?? undefined,
    });
    return ok(res, {
      update_id: queued.updateId,
      message_id: queued.message.messageId,
      chat_id: queued.message.chat.id,
    });
  }
  if (resource === 'chats' && chatRef === undefined && req.method === 'GET') {
    return ok(res, platform.store.chatIds(bot.botId));
  }
  if (resource === 'chats' && chatRef !== undefined && tail === 'messages' && req.method === 'GET') {
    const chatId = param.int(chatRef);
    if (chatId === null) throw new SandboxError(400, 'Bad Request: chat id must be an integer');
    return ok(
      res,
      platform.store.chat(bot.botId, chatId).map((m) => ({
        message_id: m.messageId,
        from: m.sender,
        user_id: m.userId,
        user_name: m.userName,
        text: m.text,
        date: m.date,
      })),
    );
  }
  throw new SandboxError(404, 'Not Found');
}

/**
 * A control call that changes something must say `application/json`: a page
 * on another site can POST `text/plain` or a form to 127.0.0.1 without asking,
 * but not JSON (that needs a CORS preflight, which the sandbox never grants).
 * The bot API routes keep taking forms and query strings, as frameworks send them.
 */
function requireJsonBody(req: IncomingMessage): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  if (mediaType(req.headers['content-type']) !== 'application/json') {
    throw new SandboxError(415, 'Unsupported Media Type: control routes take Content-Type: application/json');
  }
}

function resolveBot(platform: SandboxPlatform, ref: string): SandboxBot {
  if (ref === 'default') {
    const first = platform.store.bots()[0];
    if (!first) throw new SandboxError(404, 'Not Found: the sandbox has no bot');
    return first;
  }
  const id = param.int(ref);
  if (id === null) throw new SandboxError(404, 'Not Found');
  return platform.botById(id);
}
