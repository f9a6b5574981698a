import type { SentReply } from '@contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatIso } from '../../shared/time';
import { useCompose } from './context';

interface ReplyHistoryProps {
  profileId: number;
  /** Opens a linked delivery in the Deliveries view. */
  onOpenDelivery?: (id: number) => void;
}

// One empty list for every render: a selector returning a fresh [] would never settle.
const NONE: SentReply[] = [];

function LinkedDelivery({ id, onOpen }: { id: number | null; onOpen: ((id: number) => void) | undefined }) {
  if (id === null) return <span className="muted">—</span>;
  if (onOpen === undefined) return <>#{id}</>;
  return (
    <button type="button" className="link-button" onClick={() => onOpen(id)}>
      #{id}
    </button>
  );
}

/** What this profile sent, newest first, each with the platform's answer or error. */
export function ReplyHistory({ profileId, onOpenDelivery }: ReplyHistoryProps) {
  const history = useCompose((state) => (state.historyProfileId === profileId ? state.history : NONE));
  const loaded = useCompose((state) => state.historyLoaded);
  const error = useCompose((state) => state.historyError?.message ?? null);
  const loadHistory = useCompose((state) => state.loadHistory);

  return (
    <section className="reply-history" aria-label="Sent messages" data-testid="compose-history">
      <h3>Sent from this profile</h3>
      {error !== null && (
        <ErrorMessage
          message={`The history failed to load: ${error}`}
          onRetry={() => void loadHistory(profileId)}
        />
      )}
      {loaded && history.length === 0 && <p className="note">Nothing sent yet.</p>}
      {history.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Sent</th>
              <th>Chat</th>
              <th>Text</th>
              <th>Result</th>
              <th>Delivery</th>
            </tr>
          </thead>
          <tbody>
            {history.map((reply) => (
              <tr key={reply.id} data-testid="sent-reply" data-ok={String(reply.ok)}>
                <td className="nowrap">{formatIso(reply.sentAt)}</td>
                <td>
                  <code>{String(reply.chatId)}</code>
                </td>
                <td className="pre-wrap">{reply.text}</td>
                <td className={reply.ok ? 'status-ok' : 'error-text'} title={reply.result}>
                  {reply.ok ? 'ok' : `error: ${reply.result}`}
                </td>
                <td>
                  <LinkedDelivery id={reply.deliveryId} onOpen={onOpenDelivery} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
