import type { IncomingMessage, ServerResponse } from 'node:http';
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
