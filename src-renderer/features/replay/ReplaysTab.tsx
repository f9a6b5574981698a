import type { DeliveryDetail, ReplayAttempt } from '@contract';
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatIso } from '../../shared/time';
import { StatusCode } from '../deliveries/StatusCode';
import { AttemptCompare } from './AttemptCompare';
import { useReplayAttempts, useReplayAttemptsStore } from './context';
import './replay.css';

/** Every replay of the delivery, newest first; one picked is compared with what the platform got. */
export function ReplaysTab({ delivery }: { delivery: DeliveryDetail }) {
  const store = useReplayAttemptsStore();
  const forThis = useReplayAttempts((state) => state.deliveryId === delivery.id);
  const items = useReplayAttempts((state) => state.items);
  const loaded = useReplayAttempts((state) => state.loaded);
  const error = useReplayAttempts((state) => state.error?.message ?? null);
  const reload = useReplayAttempts((state) => state.reload);
  const [pickedId, setPickedId] = useState<number | null>(null);

  useEffect(() => store.getState().watch(delivery.id), [store, delivery.id]);

  if (!forThis) return <p className="note">Loading replays…</p>;
  // The newest stands in until one is picked, so the comparison shows at once.
  const picked = items.find((item) => item.id === pickedId) ?? items[0] ?? null;

  return (
    <div className="replays" data-testid="replays">
      {error !== null && (
        <ErrorMessage
          message={`Could not read the replays: ${error}`}
          onRetry={reload}
          testId="replays-error"
        />
      )}
      {!loaded && error === null && <p className="note">Loading replays…</p>}
      {loaded && items.length === 0 && (
        <p className="note" data-testid="replays-empty">
          Not replayed yet. Replay (above) sends it again to your bot and keeps what it answered.
        </p>
      )}
      {items.length > 0 && (
        <ul className="attempt-list" aria-label="Replays, newest first">
          {items.map((attempt) => (
            <li key={attempt.id}>
              <AttemptButton
                attempt={attempt}
                picked={attempt.id === picked?.id}
                onPick={() => setPickedId(attempt.id)}
              />
            </li>
          ))}
        </ul>
      )}
      {picked !== null && <AttemptCompare delivery={delivery} attempt={picked} />}
    </div>
  );
}

function AttemptButton({
  attempt,
  picked,
  onPick,
}: {
  attempt: ReplayAttempt;
  picked: boolean;
  onPick: () => void;
}) {
  return (
    <button
      type="button"
      className="attempt"
      data-testid="replay-attempt"
      data-attempt-id={attempt.id}
      aria-pressed={picked}
      onClick={onPick}
    >
      <span className="attempt-time">{formatIso(attempt.sentAt)}</span>
      <span className="attempt-outcome">
        {attempt.status === null ? (
          <span className="error-text">{attempt.error ?? 'no answer'}</span>
        ) : (
          <StatusCode status={attempt.status} />
        )}
      </span>
      <span className="attempt-duration muted">{attempt.durationMs} ms</span>
      <code className="attempt-target">{attempt.target}</code>
    </button>
  );
}
