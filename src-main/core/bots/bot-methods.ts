import { ContractError, type Service } from '@contract';
import type { HttpPools } from '../botapi';
import type { EventHub } from '../events';
import type { ProfileRepository } from '../profiles/repository';
import type { ReplyRepository } from '../replies/repository';
import { clientFor, platformCall, profileOrFail } from './clients';

type BotMethods = Pick<
  Service,
  | 'profiles.list'
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.delete'
  | 'webhook.info'
  | 'webhook.set'
  | 'webhook.delete'
  | 'messages.send'
  | 'messages.history'
  | 'logs.list'
>;

export interface BotDeps {
  profiles: ProfileRepository;
  replies: ReplyRepository;
  http: HttpPools;
  events: EventHub;
}

/** Profiles, webhook state, sending and delivery logs, through the profile's platform client. */
export function botMethods({ profiles, replies, http }: BotDeps): BotMethods {
  const client = (profileId: number) => clientFor(http, profileOrFail(profiles, profileId));
  return {
    'profiles.list': () => ({ items: profiles.list() }),

    'profiles.create': (input) => profiles.create(input),

    'profiles.update': ({ id, ...fields }) => {
      const current = profileOrFail(profiles, id);
      if (current.sandbox && fields.platform !== current.platform) {
        throw new ContractError('bad-input', 'The sandbox profile keeps its platform.');
      }
      const saved = profiles.save(id, fields);
      if (!saved) throw new ContractError('not-found', `There is no bot profile #${id}.`);
      return saved;
    },

    'profiles.delete': ({ profileId }) => {
      const profile = profileOrFail(profiles, profileId);
      if (profile.sandbox)
        throw new ContractError('conflict', 'The sandbox profile is built in and cannot be deleted.');
      profiles.delete(profileId);
      return { deleted: true as const };
    },

    'webhook.info': ({ profileId }) => platformCall(() => client(profileId).getWebhookInfo()),

    'webhook.set': ({ profileId, ...input }) =>
      platformCall(async () => {
        const profile = profileOrFail(profiles, profileId);
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
        const api = client(profileId);
        await api.deleteWebhook({ dropPendingUpdates });
        return api.getWebhookInfo();
      }),

    'messages.send': async ({ profileId, chatId, text, deliveryId }) => {
      const api = client(profileId);
      let ok = true;
      let result: string;
      try {
        result = JSON.stringify((await api.sendMessage({ chatId, text })).raw);
      } catch (error) {
        ok = false;
        result = error instanceof Error ? error.message : String(error);
      }
      return replies.add({ profileId, chatId, text, deliveryId: deliveryId ?? null, ok, result });
    },

    'messages.history': ({ profileId, limit }) => {
      profileOrFail(profiles, profileId);
      return { items: replies.list(profileId, limit) };
    },

    'logs.list': ({ profileId }) =>
      platformCall(async () => ({ items: await client(profileId).getWebhookLogs() })),
  };
}
