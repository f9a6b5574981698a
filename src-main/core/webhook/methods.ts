import { ContractError, type Service } from '@contract';
import type { HttpPools } from '../botapi';
import { clientFor, platformCall } from '../botapi/profile-client';
import { profileOrFail } from '../profiles/profile-or-fail';
import type { ProfileStore } from '../profiles/store';

/** What a webhook check answers with rather than fails: the platform failed, or the profile cannot call it. */
const CHECK_FAILURES: ReadonlySet<string> = new Set(['upstream', 'bad-input', 'unavailable']);

type WebhookMethods = Pick<Service, 'webhook.info' | 'webhook.check' | 'webhook.set' | 'webhook.delete'>;

export interface WebhookDeps {
  profiles: ProfileStore;
  http: HttpPools;
}

/** A profile's webhook state on its platform, through the profile's platform client. */
export function webhookMethods({ profiles, http }: WebhookDeps): WebhookMethods {
  const client = async (profileId: number) => clientFor(http, await profileOrFail(profiles, profileId));
  return {
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
  };
}
