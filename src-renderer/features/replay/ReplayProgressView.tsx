import { ProgressBar } from '../../components/ProgressBar';
import './replay.css';
import { FormError } from '../../components/FormFooter';
import { useAllowed } from '../../shared/access';
import { useSelection } from '../deliveries/context';
import { formatCount } from '../deliveries/format';
import { useReplay } from './context';
import { type ReplayScope, scopeLabel } from './scope';
import type { ReplayJob } from './store';

interface ReplayProgressViewProps {
  job: ReplayJob;
  /** Another replay the user asked for while this one runs: said, so it is not taken for started. */
  waiting: ReplayScope | null;
}

function stateText(job: ReplayJob): string {
  const { state, done, total, failed } = job.progress;
  if (state === 'running') return job.cancelling ? 'Cancelling…' : 'Running…';
  if (state === 'cancelled') return `Cancelled after ${formatCount(done)} of ${formatCount(total)}.`;
  return failed === 0
    ? 'Finished: every request got a 2xx answer.'
    : failed === total
      ? `Finished: none of ${formatCount(total)} got a 2xx answer.`
      : `Finished: ${formatCount(failed)} without a 2xx answer.`;
}

/** How the bar is coloured: red when nothing got a 2xx answer, amber when some did not. */
function outcome(job: ReplayJob): 'ok' | 'some-failed' | 'all-failed' {
  const { failed, done } = job.progress;
  if (failed === 0) return 'ok';
  return failed === done ? 'all-failed' : 'some-failed';
}

/** A running or ended replay: the bar follows `replay.progress`; Cancel stops the workers. */
export function ReplayProgressView({ job, waiting }: ReplayProgressViewProps) {
  const cancel = useReplay((state) => state.cancel);
  const again = useReplay((state) => state.again);
  const close = useReplay((state) => state.close);
  const error = useReplay((state) => state.error?.message ?? null);
  const canCancel = useAllowed('replay.cancel');
  const { progress } = job;
  const running = progress.state === 'running';

  return (
    <div className="replay-progress" data-state={progress.state} data-outcome={outcome(job)}>
      {waiting !== null && running && (
        <p className="info-note">
          This replay is still running: cancel it or let it end before replaying {scopeLabel(waiting)}.
        </p>
      )}
      <ProgressBar
        value={progress.done}
        max={progress.total}
        label="Replay progress"
        testId="replay-progress"
      />
      <p data-testid="replay-counts">
        {formatCount(progress.done)} of {formatCount(progress.total)} sent ·{' '}
        <span className={progress.failed > 0 ? 'error-text' : undefined}>
          {formatCount(progress.failed)} failed
        </span>
      </p>
      <p role="status" data-testid="replay-state">
        {stateText(job)}
      </p>
      {!running && progress.failed > 0 && <FailedList job={job} />}
      {job.scope.kind === 'one' && !running && (
        <p className="muted small">The target's answer is in the delivery's Replays tab.</p>
      )}
      <FormError error={error} testId="replay-error" />
      <div className="form-actions">
        {running ? (
          <button
            type="button"
            className="button danger"
            data-testid="replay-cancel"
            disabled={!canCancel.allowed || job.cancelling}
            title={canCancel.reason}
            onClick={() => void cancel()}
          >
            {job.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <>
            <button type="button" className="button" data-testid="replay-again" onClick={again}>
              {waiting === null ? 'Replay again' : 'New replay'}
            </button>
            <button type="button" className="button" onClick={close}>
              Close
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** The deliveries without a 2xx answer, each opening its detail (whose Replays tab shows why). */
function FailedList({ job }: { job: ReplayJob }) {
  const openDelivery = useSelection((state) => state.open);
  const close = useReplay((state) => state.close);
  const { failedIds, failed } = job.progress;
  const unlisted = failed - failedIds.length;
  return (
    <div data-testid="replay-failed">
      <ul className="failed-list" aria-label="Deliveries without a 2xx answer">
        {failedIds.map((id) => (
          <li key={id}>
            <button
              type="button"
              className="link-button"
              data-testid="replay-failed-link"
              onClick={() => {
                openDelivery(id);
                close();
              }}
            >
              Delivery #{id}
            </button>
          </li>
        ))}
      </ul>
      {unlisted > 0 && <p className="muted small">and {formatCount(unlisted)} more not listed.</p>}
    </div>
  );
}
