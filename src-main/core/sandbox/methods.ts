import { ContractError, type Service } from '@contract';
import type { ProfileStore } from '../profiles/store';
import { sendCanned } from './canned';
import type { Sandbox } from './index';
import { SandboxError } from './platform-error';

type SandboxMethods = Pick<
  Service,
  | 'sandbox.info'
  | 'sandbox.chats'
  | 'sandbox.messages'
  | 'sandbox.say'
  | 'sandbox.press'
  | 'sandbox.edit'
  | 'sandbox.send'
>;

/** The platform's refusals are the caller's input problems. */
function asContract<T>(act: () => T): T {
  try {
    return act();
  } catch (error) {
    if (error instanceof SandboxError) throw new ContractError('bad-input', error.description);
    throw error;
  }
}

/** The sandbox chat panel: the default bot's chats, and writing to it as a user. */
export function sandboxMethods(sandbox: Sandbox, profiles: ProfileStore): SandboxMethods {
  const bot = () => sandbox.platform.botById(sandbox.defaultBot.botId);
  return {
    'sandbox.info': async () => ({
      url: sandbox.server.url,
      botId: sandbox.defaultBot.botId,
      username: sandbox.defaultBot.username,
      token: sandbox.defaultBot.token,
      profileId: (await profiles.sandbox())?.id ?? null,
    }),
    'sandbox.chats': () => ({ items: sandbox.platform.store.chatIds(sandbox.defaultBot.botId) }),
    'sandbox.messages': ({ chatId }) => ({
      items: sandbox.platform.store.chat(sandbox.defaultBot.botId, chatId),
    }),
    'sandbox.say': ({ userId, name, language, chatId, text }) =>
      asContract(() => {
        const queued = sandbox.platform.queueUserMessage(bot(), { userId, name, language, chatId, text });
        return {
          updateId: queued.updateId,
          messageId: queued.message.messageId,
          chatId: queued.message.chat.id,
        };
      }),
    'sandbox.press': ({ userId, name, chatId, messageId, data }) =>
      asContract(() =>
        sandbox.platform.pressButton(bot(), { user: { userId, name }, chatId, messageId, data }),
      ),
    'sandbox.edit': ({ userId, name, chatId, messageId, text }) =>
      asContract(() =>
        sandbox.platform.editUserMessage(bot(), { user: { userId, name }, chatId, messageId, text }),
      ),
    'sandbox.send': ({ userId, name, chatId, kind }) =>
      asContract(() => sendCanned(sandbox.platform, bot(), kind, { userId, name, chatId })),
  };
}
