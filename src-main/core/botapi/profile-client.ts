import { ContractError } from '@contract';
import type { ProfileWithSecrets } from '../profiles/store';
import { BotApiError } from './errors';
import type { HttpPools } from './http';
import type { BotApi } from './platform';
import { solafonApi } from './solafon';
import { telegramApi } from './telegram';

/** A client for the profile's platform; a profile without a token cannot call anything. */
export function clientFor(http: HttpPools, profile: ProfileWithSecrets): BotApi {
  if (!profile.token) {
    throw new ContractError(
      'bad-input',
      `The profile "${profile.name}" has no API token: add one in Profiles.`,
    );
  }
  const credentials = {
    baseUrl: profile.baseUrl,
    token: profile.token,
    appId: profile.appId,
    jwt: profile.jwt,
    allowLoopbackHttp: profile.sandbox,
  };
  return profile.platform === 'solafon' ? solafonApi(http, credentials) : telegramApi(http, credentials);
}

/**
 * A platform failure (BotApiError) as the contract carries it: status,
 * description and retry_after kept for the UI's advice. Anything else is
 * returned as it is, for dispatch to word.
 */
export function fromBotApiError(error: unknown): unknown {
  if (!(error instanceof BotApiError)) return error;
  return new ContractError(error.kind === 'refused' ? 'bad-input' : 'upstream', error.message, {
    kind: error.kind,
    status: error.status,
    description: error.description,
    retryAfter: error.retryAfter,
  });
}

/** Runs a platform call, turning its failure into a ContractError. */
export async function platformCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw fromBotApiError(error);
  }
}
