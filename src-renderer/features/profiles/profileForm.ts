import type { BotPlatform, BotProfile, ProfileInput } from '@contract';

/** Where each platform's bot API lives, offered when a profile is created. */
export const DEFAULT_BASE_URL: Record<BotPlatform, string> = {
  solafon: 'https://api.solafon.com/api/v1',
  telegram: 'https://api.telegram.org',
};

export interface ProfileFormValues {
  name: string;
  platform: BotPlatform;
  baseUrl: string;
  publicUrl: string;
  inbox: string;
  appId: string;
  /** Blank means "keep what is stored" (or "none" for a new profile). */
  token: string;
  removeToken: boolean;
  jwt: string;
  removeJwt: boolean;
}

export function emptyProfileForm(platform: BotPlatform = 'solafon'): ProfileFormValues {
  return {
    name: '',
    platform,
    baseUrl: DEFAULT_BASE_URL[platform],
    publicUrl: '',
    inbox: 'default',
    appId: '',
    token: '',
    removeToken: false,
    jwt: '',
    removeJwt: false,
  };
}

/** The form for editing: secrets never reach the UI, so their fields start blank. */
export function profileFormFrom(profile: BotProfile): ProfileFormValues {
  return {
    ...emptyProfileForm(profile.platform),
    name: profile.name,
    baseUrl: profile.baseUrl,
    publicUrl: profile.publicUrl,
    inbox: profile.inbox,
    appId: profile.appId ?? '',
  };
}

/** The base URL after a platform switch: a platform default follows the platform, anything typed stays. */
export function baseUrlForPlatform(current: string, platform: BotPlatform): string {
  const isDefault = current.trim() === '' || Object.values(DEFAULT_BASE_URL).includes(current.trim());
  return isDefault ? DEFAULT_BASE_URL[platform] : current;
}

/**
 * What `profiles.create` / `profiles.update` expect. A secret is left out to
 * keep the stored one (the contract's "omitted"), sent as '' to remove it.
 */
export function toProfileInput(values: ProfileFormValues): ProfileInput {
  const secret = (value: string, remove: boolean) => (remove ? '' : value === '' ? undefined : value);
  const token = secret(values.token, values.removeToken);
  const jwt = secret(values.jwt, values.removeJwt);
  const appId = values.appId.trim();
  return {
    name: values.name.trim(),
    platform: values.platform,
    baseUrl: values.baseUrl.trim(),
    publicUrl: values.publicUrl.trim(),
    inbox: values.inbox.trim() === '' ? 'default' : values.inbox.trim(),
    appId: appId === '' ? null : appId,
    ...(token === undefined ? {} : { token }),
    ...(jwt === undefined ? {} : { jwt }),
  };
}
