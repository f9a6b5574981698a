import type { BotPlatform, BotProfile, ProfileInput } from '@contract';
import { SECRET_TOKEN } from '@contract/bot-rules';
import { DEFAULT_INBOX } from '@contract/inbox-rules';

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
  /** Telegram's webhook secret token: kept, removed and left blank like the two above. */
  webhookSecret: string;
  removeWebhookSecret: boolean;
}

export function emptyProfileForm(platform: BotPlatform = 'solafon'): ProfileFormValues {
  return {
    name: '',
    platform,
    baseUrl: DEFAULT_BASE_URL[platform],
    publicUrl: '',
    inbox: DEFAULT_INBOX,
    appId: '',
    token: '',
    removeToken: false,
    jwt: '',
    removeJwt: false,
    webhookSecret: '',
    removeWebhookSecret: false,
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

/** Why the webhook secret as typed would be refused, or null when it is fine (or blank, or being removed). */
export function webhookSecretProblem(values: ProfileFormValues): string | null {
  if (values.platform !== 'telegram' || values.removeWebhookSecret) return null;
  const secret = values.webhookSecret.trim();
  if (secret === '' || SECRET_TOKEN.test(secret)) return null;
  return 'A secret token is 1–256 letters, digits, "_" or "-".';
}

/**
 * What `profiles.create` / `profiles.update` expect. A secret is left out to
 * keep the stored one (the contract's "omitted"), sent as '' to remove it.
 */
export function toProfileInput(values: ProfileFormValues): ProfileInput {
  const secret = (value: string, remove: boolean) => (remove ? '' : value === '' ? undefined : value);
  const token = secret(values.token, values.removeToken);
  const jwt = secret(values.jwt, values.removeJwt);
  // Only Telegram has the field: a Solafon profile keeps whatever is stored.
  const webhookSecret =
    values.platform === 'telegram'
      ? secret(values.webhookSecret.trim(), values.removeWebhookSecret)
      : undefined;
  const appId = values.appId.trim();
  return {
    name: values.name.trim(),
    platform: values.platform,
    baseUrl: values.baseUrl.trim(),
    publicUrl: values.publicUrl.trim(),
    inbox: values.inbox.trim() === '' ? DEFAULT_INBOX : values.inbox.trim(),
    appId: appId === '' ? null : appId,
    ...(token === undefined ? {} : { token }),
    ...(jwt === undefined ? {} : { jwt }),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
  };
}
