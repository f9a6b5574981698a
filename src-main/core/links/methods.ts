import { ContractError, type Service } from '@contract';
import { profileOrFail } from '../profiles/profile-or-fail';
import type { ProfileStore } from '../profiles/store';
import { LinkError } from '../signer/checks';
import type { KeyStore } from '../signer/key-store';
import { signLink } from '../signer/sign';
import { defaultLinkBase } from './bases';
import type { LinkDefaultsStore } from './link-defaults';
import { verifyUrl } from './verify-url';

type LinksMethods = Pick<
  Service,
  | 'links.sign'
  | 'links.verify'
  | 'links.keys'
  | 'links.rotateKey'
  | 'links.retireKey'
  | 'links.defaults'
  | 'links.setDefaults'
>;

export interface LinksDeps {
  profiles: ProfileStore;
  keys: KeyStore;
  /** Where links point by default when their profile has no public origin: the receiver as reached. */
  receiverUrl: string;
  /** More bases the verifier accepts as this inspector's own (a team replica's local address). */
  otherBases?: string[];
  defaults: LinkDefaultsStore;
}

/** Signing and verifying links, and the signing keys. */
export function linksMethods({
  profiles,
  keys,
  receiverUrl,
  otherBases = [],
  defaults,
}: LinksDeps): LinksMethods {
  return {
    'links.sign': async (input) => {
      const profile =
        input.profileId === undefined
          ? await profiles.sandbox()
          : await profileOrFail(profiles, input.profileId);
      if (!profile) throw new ContractError('not-found', 'There is no sandbox bot profile to sign for.');
      let options: unknown;
      if (input.options !== undefined && input.options.trim() !== '') {
        try {
          options = JSON.parse(input.options);
        } catch (error) {
          throw new ContractError('bad-input', `options: not valid JSON (${(error as Error).message})`);
        }
      }
      const key = await keys.active(profile.id);
      const now = Date.now();
      // Omitted: the default, so no link is reusable forever unless someone chose that.
      const expiresIn = input.expiresIn === undefined ? (await defaults.get()).expiresIn : input.expiresIn;
      try {
        const url = signLink(key, {
          baseUrl: input.baseUrl ?? defaultLinkBase(profile, receiverUrl),
          botId: profile.id,
          userId: input.userId,
          command: input.command,
          options,
          params: input.params,
          redirect: input.redirect ?? null,
          expiresIn,
          now,
        });
        const expiresAt =
          expiresIn === null ? null : new Date((Math.floor(now / 1000) + expiresIn) * 1000).toISOString();
        return { url, kid: key.kid, expiresAt };
      } catch (error) {
        if (error instanceof LinkError) throw new ContractError('bad-input', error.message);
        throw error;
      }
    },

    'links.defaults': () => defaults.get(),
    'links.setDefaults': (input) => defaults.set(input),

    'links.verify': ({ url }) => verifyUrl(url.trim(), profiles, keys, receiverUrl, otherBases),

    'links.keys': async ({ profileId }) => {
      await profileOrFail(profiles, profileId);
      return { items: await keys.list(profileId) };
    },
    'links.rotateKey': async ({ profileId }) => {
      await profileOrFail(profiles, profileId);
      const { kid } = await keys.rotate(profileId);
      const info = (await keys.list(profileId)).find((k) => k.kid === kid);
      if (!info) throw new ContractError('internal', 'The new key was not saved.');
      return info;
    },
    'links.retireKey': async ({ profileId, kid }) => {
      const result = await keys.retire(profileId, kid);
      if (result === null) {
        throw new ContractError('not-found', `Profile #${profileId} has no key ${kid} that is not retired.`);
      }
      return { retired: true as const, replacedBy: result.replacedBy };
    },
  };
}
