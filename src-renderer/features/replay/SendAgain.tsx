import type { DeliveryDetail, ReplayAttempt, ReplayInput } from '@contract';
import { useAllowed } from '../../shared/access';
import { useReplay } from './context';

/** The contract's bound on extra headers: an attempt's sent headers are passed back as those. */
const MAX_HEADERS = 50;

/**
 * The same request again, to the same target: the headers as sent and, when
 * it differed from the original, the body as sent. Progress shows in the
 * replay dialog; the new attempt joins this list when it ends.
 */
export function againInput(delivery: DeliveryDetail, attempt: ReplayAttempt): ReplayInput {
  return {
    target: attempt.target,
    deliveryIds: [delivery.id],
    headers: attempt.sentHeaders.slice(0, MAX_HEADERS),
    keepHeaders: [],
    renumberUpdateId: false,
    concurrency: 1,
    ...(attempt.sentBody === null ? {} : { editedBody: attempt.sentBody }),
  };
}

export function SendAgain({ delivery, attempt }: { delivery: DeliveryDetail; attempt: ReplayAttempt }) {
  const open = useReplay((state) => state.open);
  const replay = useReplay((state) => state.replay);
  const busy = useReplay((state) => state.starting || state.job?.progress.state === 'running');
  const canReplay = useAllowed('replay.start');
  const nothingSent = attempt.sentBodySha256 === '';

  const again = () => {
    const scope = { kind: 'one', delivery } as const;
    open(scope);
    void replay(againInput(delivery, attempt), scope);
  };

  return (
    <p>
      <button
        type="button"
        className="button"
        data-testid="replay-send-again"
        disabled={!canReplay.allowed || busy || nothingSent}
        title={canReplay.reason ?? `Send this request again to ${attempt.target}`}
        onClick={again}
      >
        Replay again to the same target
      </button>
    </p>
  );
}
