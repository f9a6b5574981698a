import { joinUrl, makeCaller } from './caller';
import { BotApiError } from './errors';
import type { HttpPools } from './http';
import type { BotApi, BotCredentials } from './platform';
import { asObject, int } from './read';
import { assertWebhookUrl } from './refuse';
import { readWebhookInfo } from './webhook-info';

export const TELEGRAM_BASE_URL = 'https://api.telegram.org';

/** Telegram's Bot API: `<base>/bot<token>/<method>`, JSON in, envelope out. */
export function telegramApi(http: HttpPools, credentials: BotCredentials): BotApi {
  const call = makeCaller(http, credentials);
  const url = (method: string) => joinUrl(credentials.baseUrl, `bot${credentials.token}/${method}`);
  const post = (method: string, json: unknown = {}, secrets: Array<string | undefined> = []) =>
    call({ method, httpMethod: 'POST', url: url(method), json, secrets });
  return {
    async setWebhook(input) {
      assertWebhookUrl(input.url, credentials.allowLoopbackHttp ?? false);
      await post(
        'setWebhook',
        {
          url: input.url,
          ...(input.secretToken === undefined ? {} : { secret_token: input.secretToken }),
          ...(input.dropPendingUpdates === undefined
            ? {}
            : { drop_pending_updates: input.dropPendingUpdates }),
          ...(input.maxConnections === undefined ? {} : { max_connections: input.maxConnections }),
          ...(input.allowedUpdates === undefined ? {} : { allowed_updates: input.allowedUpdates }),
        },
        [input.secretToken],
      );
    },
    async deleteWebhook(options) {
      await post('deleteWebhook', options?.dropPendingUpdates ? { drop_pending_updates: true } : {});
    },
    async getWebhookInfo() {
      return readWebhookInfo(await post('getWebhookInfo'));
    },
    async sendMessage({ chatId, text }) {
      const result = await post('sendMessage', { chat_id: chatId, text });
      return { messageId: int(asObject(result).message_id), chatId, text, raw: result };
    },
    async getWebhookLogs() {
      throw new BotApiError({
        kind: 'refused',
        method: 'getWebhookLogs',
        target: 'not sent',
        description: 'Telegram keeps no delivery log; its getWebhookInfo shows the last error instead.',
      });
    },
  };
}
