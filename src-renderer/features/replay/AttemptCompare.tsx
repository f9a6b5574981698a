import type { DeliveryDetail, ReplayAttempt } from '@contract';
import { PairsTable } from '../../components/PairsTable';
import { StatusCode } from '../deliveries/StatusCode';
import { AttemptDiffs } from './AttemptDiffs';
import { SendAgain } from './SendAgain';
import { SentRequest } from './SentRequest';
import { bodyChange } from './sentBody';
import { type HashState, useSha256OfBase64 } from './sha256';
import './replay.css';

interface AttemptCompareProps {
  delivery: DeliveryDetail;
  attempt: ReplayAttempt;
}

/** Left: what the inspector answered the platform. Right: what the replay target answered. */
export function AttemptCompare({ delivery, attempt }: AttemptCompareProps) {
  const hash = useSha256OfBase64(delivery.body.omitted ? null : delivery.body.base64);
  const { response } = delivery;

  return (
    <section className="compare" data-testid="replay-compare" aria-label="Original answer and replay answer">
      <p className="compare-body-flag" data-testid="replay-body-flag">
        <BodyFlag delivery={delivery} attempt={attempt} hash={hash} />
      </p>
      <SendAgain delivery={delivery} attempt={attempt} />
      <div className="compare-columns">
        <div className="compare-side" data-testid="compare-original">
          <h3>What the platform got from the inspector</h3>
          <p>
            <StatusCode status={response.status} />
          </p>
          {response.body === '' ? (
            <p className="muted">An empty body.</p>
          ) : (
            <pre className="code-block">{response.body}</pre>
          )}
        </div>
        <div className="compare-side" data-testid="compare-replay">
          <h3>
            What <code>{attempt.target}</code> answered
          </h3>
          <p>
            {attempt.status === null ? (
              <span className="error-text">No answer: {attempt.error ?? 'unknown error'}</span>
            ) : (
              <StatusCode status={attempt.status} />
            )}{' '}
            <span className="muted">in {attempt.durationMs} ms</span>
          </p>
          {attempt.responseHeaders.length > 0 && (
            <PairsTable
              pairs={attempt.responseHeaders}
              names={['Header', 'Value']}
              testId="compare-headers"
            />
          )}
          {attempt.responseBody === '' ? (
            attempt.status !== null && <p className="muted">An empty body.</p>
          ) : (
            <pre className="code-block">{attempt.responseBody}</pre>
          )}
          {attempt.responseTruncated && (
            <p className="muted small" data-testid="replay-truncated">
              Truncated: only the first 64 KiB of the answer were kept.
            </p>
          )}
        </div>
      </div>
      <SentRequest delivery={delivery} attempt={attempt} />
      <AttemptDiffs delivery={delivery} attempt={attempt} />
    </section>
  );
}

const CHANGE_LABEL = {
  renumbered: { badge: 'renumbered', note: 'only update_id differs from the original' },
  edited: { badge: 'edited', note: 'the body was edited before sending' },
  differs: { badge: 'differs', note: 'the sent body differs from the original' },
} as const;

/** Whether the replay sent the original bytes: its SHA-256 against the original body's; if not, how it differs. */
function BodyFlag({
  delivery,
  attempt,
  hash,
}: {
  delivery: DeliveryDetail;
  attempt: ReplayAttempt;
  hash: HashState;
}) {
  if (attempt.sentBodySha256 === '') return <span className="muted">Nothing was sent.</span>;
  if (hash.status === 'pending') return <span className="muted">Comparing the sent body…</span>;
  if (hash.status === 'unavailable') {
    return (
      <span className="muted">
        The sent body cannot be compared here (no original bytes or no Web Crypto).
      </span>
    );
  }
  if (hash.hex === attempt.sentBodySha256)
    return <span className="badge-ok">Sent body identical to original</span>;
  const change =
    CHANGE_LABEL[bodyChange(delivery.body.omitted ? null : delivery.body.text, attempt.sentBody)];
  return (
    <span data-testid="replay-body-change">
      <span className="badge">{change.badge}</span> <span className="muted">{change.note}</span>
    </span>
  );
}
