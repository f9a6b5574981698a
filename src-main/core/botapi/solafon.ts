import { joinUrl, makeCaller } from './caller';
import { BotApiError } from './errors';
import type { HttpPools } from './http';
import type { BotApi, BotCredentials } from './platform';
import { asObject, int } from './read';
import { assertWebhookUrl } from './refuse';
import { readWebhookInfo } from './webhook-info';
import { readWebhookLogs } from './webhook-logs';

export const SOLAFON_BASE_URL = 'https://api.solafon.com/api/v1';

/** Solafon's bot API exactly as its documentation (seed 004) gives it. */
export function solafonApi(http: HttpPools, credentials: BotCredentials): BotApi {
  const call = makeCaller(http, credentials);
  const bot = { Authorization: `Bearer ${credentials.token}` };
  const url = (path: string) => joinUrl(credentials.baseUrl, path);
  return {
    async setWebhook(input) {
      assertWebhookUrl(input.url, credentials.allowLoopbackHttp ?? false);
      await call({
        method: 'setWebhook',
        httpMethod: 'POST',
        url: url('/bot/setWebhook'),
        headers: bot,
        json: { url: input.url },
      });
    },
    async deleteWebhook() {
      await call({
        method: 'deleteWebhook',
        httpMethod: 'POST',
        url: url('/bot/deleteWebhook'),
        headers: bot,
      });
    },
    async getWebhookInfo() {
      return readWebhookInfo(
        await call({
          method: 'getWebhookInfo',
          httpMethod: 'GET',
          url: url('/bot/getWebhookInfo'),
          headers: bot,
        }),
      );
    },
    async sendMessage({ chatId, text }) {
      const result = await call({
        method: 'sendMessage',
        httpMethod: 'POST',
        url: url('/bot/sendMessage'),
        headers: bot,
        json: { chat_id: chatId, text },
      });
      const r = asObject(result);
      return { messageId: int(r.message_id) ?? int(r.id), chatId, text, raw: result };
    },
    async getWebhookLogs() {
      if (!credentials.appId || !credentials.jwt) {
        throw new BotApiError({
          kind: 'refused',
          method: 'getWebhookLogs',
          target: 'not sent',
          description: 'Delivery logs need the app id and a user JWT in the bot profile.',
        });
      }
      const settings = await call({
        method: 'getWebhookLogs',
        httpMethod: 'GET',
        url: url(`/apps/${encodeURIComponent(credentials.appId)}/settings`),
        headers: { Authorization: `Bearer ${credentials.jwt}` },
      });
      return readWebhookLogs(settings);
    },
  };
}
