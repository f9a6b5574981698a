import { ContractError } from '@contract';
import type { ProfileStore, ProfileWithSecrets } from './store';

/** The profile, or a clear not-found. */
export async function profileOrFail(profiles: ProfileStore, id: number): Promise<ProfileWithSecrets> {
  const profile = await profiles.get(id);
  if (!profile) throw new ContractError('not-found', `There is no bot profile #${id}.`);
  return profile;
}
