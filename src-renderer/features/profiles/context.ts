import type { BotProfile } from '@contract';
import { createStoreContext } from '../../shared/storeContext';
import type { ProfilesState } from './store';

const context = createStoreContext<ProfilesState>('profiles');

export const profilesSlot = context.slot;
export const ProfilesProvider = context.Provider;
export const useProfiles = context.useSelector;

/** The profile the bot panels work with, or null while none is known. */
export function useSelectedProfile(): BotProfile | null {
  return useProfiles((state) => state.items.find((profile) => profile.id === state.selectedId) ?? null);
}
