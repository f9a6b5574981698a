import { useAllowed } from '../../shared/access';
import { useDeliveries, useSelection } from '../deliveries/context';
import { formatCount } from '../deliveries/format';
import { tickedIds } from '../deliveries/ticked';
import { useReplay } from './context';

/** The list header's replay buttons: the ticked rows, or everything the filter matches. */
export function ReplayListActions() {
  const ticked = useSelection((state) => state.ticked);
  const filter = useDeliveries((state) => state.filter);
  const total = useDeliveries((state) => state.total);
  const firstPage = useDeliveries((state) => state.firstPage);
  const open = useReplay((state) => state.open);
  const showJob = useReplay((state) => state.showJob);
  const job = useReplay((state) => state.job);
  const dialogOpen = useReplay((state) => state.dialog !== null);
  const canReplay = useAllowed('replay.start');

  return (
    <>
      {job !== null && job.progress.state === 'running' && !dialogOpen && (
        <button type="button" className="link-button" data-testid="replay-running" onClick={showJob}>
          Replaying {formatCount(job.progress.done)}/{formatCount(job.progress.total)}…
        </button>
      )}
      {ticked.size > 0 && (
        <button
          type="button"
          className="button"
          data-testid="replay-selected"
          disabled={!canReplay.allowed}
          title={canReplay.reason}
          onClick={() => open({ kind: 'selection', ids: tickedIds(ticked), inbox: filter.inbox })}
        >
          Replay selected
        </button>
      )}
      <button
        type="button"
        className="button"
        data-testid="replay-filtered"
        title={canReplay.reason ?? 'Replay every delivery the search, filters and inbox match, loaded or not'}
        disabled={!canReplay.allowed || firstPage !== 'ready' || total === 0}
        onClick={() => open({ kind: 'filter', filter, total })}
      >
        Replay all matching
      </button>
    </>
  );
}
