import type { Service } from '@contract';
import type { HttpPools } from '../botapi';
import { clientFor } from '../botapi/profile-client';
import { describeError } from '../describe-error';
import { profileOrFail } from '../profiles/profile-or-fail';
import type { ProfileStore } from '../profiles/store';
import type { ReplyStore } from './store';

type ComposeMethods = Pick<Service, 'messages.send' | 'messages.history'>;

export interface ComposeDeps {
  profiles: ProfileStore;
  replies: ReplyStore;
  http: HttpPools;
}

/** Replies sent through a profile's platform client, each kept in the history with its outcome. */
export function composeMethods({ profiles, replies, http }: ComposeDeps): ComposeMethods {
  return {
    'messages.send': async ({ profileId, chatId, text, deliveryId }) => {
      const api = clientFor(http, await profileOrFail(profiles, profileId));
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
  };
}
