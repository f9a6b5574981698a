import type { Service } from '@contract';
import type { HttpPools } from '../botapi';
import { clientFor, platformCall } from '../botapi/profile-client';
import { profileOrFail } from '../profiles/profile-or-fail';
import type { ProfileStore } from '../profiles/store';

export interface LogsDeps {
  profiles: ProfileStore;
  http: HttpPools;
}

/** The platform's delivery log for a profile's webhook. */
export function logsMethods({ profiles, http }: LogsDeps): Pick<Service, 'logs.list'> {
  return {
    'logs.list': ({ profileId }) =>
      platformCall(async () => ({
        items: await clientFor(http, await profileOrFail(profiles, profileId)).getWebhookLogs(),
      })),
  };
}
