import { ContractError, type Service } from '@contract';
import { profileOrFail } from './profile-or-fail';
import type { ProfileStore } from './store';

type ProfilesMethods = Pick<
  Service,
  'profiles.list' | 'profiles.create' | 'profiles.update' | 'profiles.delete'
>;

/** The bot profiles every platform call goes through; the sandbox profile is built in. */
export function profilesMethods(profiles: ProfileStore): ProfilesMethods {
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
  };
}
