import { CopyButton } from '../../components/CopyButton';
import { buildSampleCurl } from './curl';

interface EmptyStateProps {
  /** Where to POST the example; null while it is still being read. */
  url: string | null;
  inbox: string | null;
}

/** The first screen a new user sees: one command away from a first delivery. */
export function EmptyState({ url, inbox }: EmptyStateProps) {
  const command = url === null ? null : buildSampleCurl(url);
  return (
    <div className="empty-state" data-testid="empty-state">
      <h2>{inbox === null ? 'No deliveries yet' : `No deliveries in inbox “${inbox}” yet`}</h2>
      <p>Point your bot platform's webhook at the receiver, or send a test update from a terminal:</p>
      {command === null ? (
        <p className="muted">Reading the receiver's address…</p>
      ) : (
        <div className="empty-command">
          <pre className="code-block" data-testid="empty-state-command">
            {command}
          </pre>
          <CopyButton text={command} label="Copy command" testId="empty-state-copy" />
        </div>
      )}
      <p className="muted">Deliveries appear here live, newest on top, as the receiver stores them.</p>
    </div>
  );
}
