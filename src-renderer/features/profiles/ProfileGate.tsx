import type { BotProfile } from '@contract';
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProfiles, useSelectedProfile } from './context';

/** Renders a bot panel for the selected profile, or says why there is none yet. */
export function ProfileGate({ children }: { children: (profile: BotProfile) => ReactNode }) {
  const profile = useSelectedProfile();
  const loaded = useProfiles((state) => state.loaded);
  const error = useProfiles((state) => state.error?.message ?? null);
  const reload = useProfiles((state) => state.reload);

  if (profile !== null) return children(profile);
  if (error !== null && !loaded) {
    return <ErrorMessage message={`The bot profiles failed to load: ${error}`} onRetry={reload} />;
  }
  if (!loaded) return <p className="note">Loading the bot profiles…</p>;
  return <p className="note">No bot profile yet: add one with “Profiles” in the header.</p>;
}
