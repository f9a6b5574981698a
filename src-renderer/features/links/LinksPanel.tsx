import type { BotProfile, DeliveryListItem } from '@contract';
import { useEffect } from 'react';
import { useCommands } from '../commands/context';
import { useLinks } from './context';
import { LinkGenerator } from './LinkGenerator';
import { LinkResult } from './LinkResult';
import { LinkVerifier } from './LinkVerifier';
import { SigningKeys } from './SigningKeys';
import './links.css';

interface LinksPanelProps {
  /** The profile picked in the header: links are signed for it unless another bot is chosen. */
  profile: BotProfile;
  /** The delivery open in the Deliveries view: its user is offered when none was typed. */
  selectedDelivery: DeliveryListItem | null;
}

/** getUrl / getUrlFor by hand: sign a per-user link, check any link, manage the keys that sign them. */
export function LinksPanel({ profile, selectedDelivery }: LinksPanelProps) {
  const startCommands = useCommands((state) => state.start);
  const stopCommands = useCommands((state) => state.stop);
  const suggestUser = useLinks((state) => state.suggestUser);
  const loadKeys = useLinks((state) => state.loadKeys);
  const suggestedUser = selectedDelivery?.summary.user?.id ?? null;

  // The command field offers the saved commands' names.
  useEffect(() => {
    startCommands();
    return stopCommands;
  }, [startCommands, stopCommands]);

  useEffect(() => {
    suggestUser(suggestedUser);
  }, [suggestUser, suggestedUser]);

  useEffect(() => {
    void loadKeys(profile.id);
  }, [loadKeys, profile.id]);

  return (
    <section className="panel" data-testid="links-panel" aria-label="Signed links">
      <header className="panel-header">
        <h2>Signed links</h2>
        <span className="muted">a link that runs a command for one user; every value signed</span>
      </header>
      <div className="panel-body">
        <LinkGenerator defaultProfileId={profile.id} />
        <LinkResult />
        <LinkVerifier />
        <SigningKeys profile={profile} />
      </div>
    </section>
  );
}
