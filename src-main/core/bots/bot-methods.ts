import { ContractError, type Service } from '@contract';
import type { HttpPools } from '../botapi';
import { describeError } from '../describe-error';
import type { EventHub } from '../events';
import type { ProfileStore } from '../profiles/store';
import type { ReplyStore } from '../replies/store';
import { clientFor, platformCall, profileOrFail } from './clients';

/** What a webhook check answers with rather than fails: the platform failed, or the profile cannot call it. */
const CHECK_FAILURES: ReadonlySet<string> = new Set(['upstream', 'bad-input', 'unavailable']);

type BotMethods = Pick<
  Service,
  | 'profiles.list'
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.delete'
  | 'webhook.info'
  | 'webhook.check'
  | 'webhook.set'
  | 'webhook.delete'
  | 'messages.send'
  | 'messages.history'
  | 'logs.list'
>;

export interface BotDeps {
  profiles: ProfileStore;
  replies: ReplyStore;
  http: HttpPools;
  events: EventHub;
}

/** Profiles, webhook state, sending and delivery logs, through the profile's platform client. */
export function botMethods({ profiles, replies, http }: BotDeps): BotMethods {
  const client = async (profileId: number) => clientFor(http, await profileOrFail(profiles, profileId));
  return {
    'profiles.list': async () => ({ items: await profiles.list() }),

    'profiles.create': (input) => profiles.create(input),

    'profiles.update': async ({ id, ...fields }) => {
      const current = await profileOrFail(profiles, id);
      if (current.sandbox && fields.platform !== current.platform) {
        throw new ContractError('bad-input', 'The sandbox profile keeps its platform.');
      }
      const saved = await profiles.save(id, fields);
      if (!saved) throw new ContractError('not-found', `There is no bot profile #${id}.`);
      return saved;
    },

    'profiles.delete': async ({ profileId }) => {
      const profile = await profileOrFail(profiles, profileId);
      if (profile.sandbox)
        throw new ContractError('conflict', 'The sandbox profile is built in and cannot be deleted.');
      await profiles.delete(profileId);
      return { deleted: true as const };
    },

    'webhook.info': ({ profileId }) => platformCall(async () => (await client(profileId)).getWebhookInfo()),

    'webhook.check': async ({ profileId }) => {
      try {
        return { ok: true, info: await platformCall(async () => (await client(profileId)).getWebhookInfo()) };
      } catch (error) {
        if (!(error instanceof ContractError) || !CHECK_FAILURES.has(error.code)) throw error;
        const code = error.code as 'upstream' | 'bad-input' | 'unavailable';
        return {
          ok: false,
          error: { code, message: error.message, ...(error.details ? { details: error.details } : {}) },
        };
      }
    },

    'webhook.set': ({ profileId, ...input }) =>
      platformCall(async () => {
        const profile = await profileOrFail(profiles, profileId);
        const api = clientFor(http, profile);
        // A Telegram profile's kept secret goes with every setWebhook unless another is given.
        const secretToken =
          input.secretToken ??
          (profile.platform === 'telegram' ? (profile.webhookSecret ?? undefined) : undefined);
        await api.setWebhook(secretToken === undefined ? input : { ...input, secretToken });
        return api.getWebhookInfo();
      }),

    'webhook.delete': ({ profileId, dropPendingUpdates }) =>
      platformCall(async () => {
        const api = await client(profileId);
        await api.deleteWebhook({ dropPendingUpdates });
        return api.getWebhookInfo();
      }),

    'messages.send': async ({ profileId, chatId, text, deliveryId }) => {
      const api = await client(profileId);
      let ok = true;
      let result: string;
      try {
        result = JSON.stringify((await api.sendMessage({ chatId, text })).raw);
      } catch (error) {
        ok = false;
        result = describeError(error);
      }
      return replies.add({ profileId, chatId, text, deliveryId: deliveryId ?? null, ok, result });
    },

    'messages.history': async ({ profileId, limit }) => {
      await profileOrFail(profiles, profileId);
      return { items: await replies.list(profileId, limit) };
    },

    'logs.list': ({ profileId }) =>
      platformCall(async () => ({ items: await (await client(profileId)).getWebhookLogs() })),
  };
}
