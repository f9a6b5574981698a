import type { BotProfile, DeliveryListItem } from '@contract';
import { useEffect } from 'react';
import { ComposeForm } from './ComposeForm';
import { useCompose } from './context';
import { ReplyHistory } from './ReplyHistory';
import { SendResult } from './SendResult';
import './compose.css';

interface ComposePanelProps {
  profile: BotProfile;
  /** The delivery open in the Deliveries view: its chat is offered when none is chosen. */
  selectedDelivery: DeliveryListItem | null;
  onOpenDelivery?: (id: number) => void;
}

export function ComposePanel({ profile, selectedDelivery, onOpenDelivery }: ComposePanelProps) {
  const suggest = useCompose((state) => state.suggest);
  const loadHistory = useCompose((state) => state.loadHistory);

  useEffect(() => {
    suggest(selectedDelivery);
  }, [suggest, selectedDelivery]);

  useEffect(() => {
    void loadHistory(profile.id);
  }, [loadHistory, profile.id]);

  return (
    <section className="panel" data-testid="compose-panel" aria-label="Compose">
      <header className="panel-header">
        <h2>Compose</h2>
        <span className="muted">
          sendMessage as {profile.name} · {profile.platform}
        </span>
      </header>
      <div className="panel-body">
        <ComposeForm profileId={profile.id} />
        <SendResult />
        <ReplyHistory profileId={profile.id} onOpenDelivery={onOpenDelivery} />
      </div>
    </section>
  );
}
