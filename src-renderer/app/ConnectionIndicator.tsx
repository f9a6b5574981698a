import type { ConnectionStatus } from '../api';

const LABELS: Record<ConnectionStatus, { text: string; title: string }> = {
  live: { text: 'Live', title: 'New deliveries appear as they arrive.' },
  connecting: { text: 'Connecting…', title: 'Opening the live event stream.' },
  reconnecting: {
    text: 'Reconnecting…',
    title: 'The live event stream dropped; retrying. Missed deliveries are loaded once it is back.',
  },
};

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { text, title } = LABELS[status];
  return (
    <span
      className={`connection connection-${status}`}
      title={title}
      data-testid="connection-status"
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
